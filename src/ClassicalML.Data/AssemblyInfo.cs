namespace ClassicalML.Data;
