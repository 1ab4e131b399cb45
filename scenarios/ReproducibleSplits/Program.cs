return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.ReproducibleSplits.ReproducibleSplitsScenario(), args);
