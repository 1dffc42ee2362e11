/** Structured view of config files: every key/value pair with the exact offsets of its value. */

export type StructuredFormat = 'yaml' | 'json' | 'dotenv' | 'properties' | 'ini' | 'toml' | 'xml';

/** One scalar value assigned to a key in a structured file. */
export interface KeyValueEntry {
  /** The innermost key: `password`. */
  key: string;
  /** Dotted path of keys from the root: `spring.datasource.password`, `services.db.environment.POSTGRES_PASSWORD`. Array indexes as `[0]`. */
  keyPath: string;
  /** The value as the program would see it (quotes removed, escapes resolved where cheap). */
  value: string;
  /** Offsets of the value's text in the file, excluding surrounding quotes (half-open). Multi-line values span their lines. */
  valueStart: number;
  valueEnd: number;
  /** Whether the value was quoted in the source. */
  quoted: boolean;
  /** For INI/TOML: the section name (`[production]`), when any. */
  section?: string;
  /** YAML only: a non-standard tag on the value (`!Ref`, `!vault`, `!Sub`), which makes it a reference, not a literal. */
  tag?: string;
  /** Offset where the key's own text starts (for quick fixes that rewrite the whole assignment). */
  keyStart?: number;
}

/** Result of parsing a config file. */
export interface Structure {
  format: StructuredFormat;
  entries: KeyValueEntry[];
  /** True when the parser failed and callers should fall back to line scanning. */
  malformed: boolean;
  /** Human-readable parse note for logs (no values): "YAML parse error at line 12: ...". */
  note?: string;
}
