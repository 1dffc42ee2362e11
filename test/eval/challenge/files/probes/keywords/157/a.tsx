<Input type="password" name="password" placeholder="Password" />
