return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.ImbalancedData.ImbalancedDataScenario(), args);
