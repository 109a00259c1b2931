Console.WriteLine("chatcoach");
