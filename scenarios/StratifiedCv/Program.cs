return ClassicalML.Scenarios.ScenarioHost.Run(new StratifiedCv.StratifiedCvScenario(), args);
