return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.OneHotVsLabel.OneHotVsLabelScenario(), args);
