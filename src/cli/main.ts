// Placeholder entry so the bundle builds until the CLI lands.
process.stdout.write('keyguard: not built yet\n');
