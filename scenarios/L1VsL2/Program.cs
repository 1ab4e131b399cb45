return ClassicalML.Scenarios.ScenarioHost.Run(new L1VsL2.L1VsL2Scenario(), args);
