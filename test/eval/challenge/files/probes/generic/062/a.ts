password: string;
