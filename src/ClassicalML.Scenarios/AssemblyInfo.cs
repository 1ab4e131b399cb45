namespace ClassicalML.Scenarios;
