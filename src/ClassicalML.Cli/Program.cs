Console.Error.WriteLine("classicalml: no command is implemented yet.");
return 2;
