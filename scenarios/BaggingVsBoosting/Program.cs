return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.BaggingVsBoosting.BaggingVsBoostingScenario(), args);
