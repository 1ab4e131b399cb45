return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.StratifiedCv.StratifiedCvScenario(), args);
