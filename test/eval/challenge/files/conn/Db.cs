var legacy = "Data Source=sql.acme-corp.io;Initial Catalog=erp;User Id=erp;Pwd={{rand:16:b62}};";{{expect:adonet-connection-string}}
var local = "Server=(localdb)\\MSSQLLocalDB;Integrated Security=true;";
var fromEnv = $"Server=sql;User Id=app;Password={Environment.GetEnvironmentVariable("DB_PASSWORD")};";
