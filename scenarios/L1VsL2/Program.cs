return ClassicalML.Scenarios.ScenarioHost.Run(new ClassicalML.Scenarios.L1VsL2.L1VsL2Scenario(), args);
