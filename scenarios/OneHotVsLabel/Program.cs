return ScenarioHost.Run(new OneHotVsLabelScenario(), args);
