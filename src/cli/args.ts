/**
 * A small command-line parser (no dependency): long options `--name value` / `--name=value`, short aliases
 * `-o value`, boolean flags, `--` ends the options. Unknown options and missing values are usage errors with
 * a message in Chinese and English.
 */

export interface OptionSpec {
  name: string;
  short?: string;
  /** Takes a value (`--lang en`); otherwise a flag. */
  value: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /** Option name → value (flags: true). The last occurrence wins. */
  options: Map<string, string | true>;
}

export class UsageError extends Error {
  readonly messageEn: string;
  constructor(zh: string, en: string) {
    super(zh);
    this.messageEn = en;
    this.name = 'UsageError';
  }
  text(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec) throw new UsageError(`未知选项 ${arg.split('=')[0]}`, `unknown option ${arg.split('=')[0]}`);
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(1) : arg.slice(1, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      spec = byShort.get(name);
      if (!spec) throw new UsageError(`未知选项 ${arg.split('=')[0]}`, `unknown option ${arg.split('=')[0]}`);
    } else {
      positionals.push(arg);
      continue;
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`选项 --${spec.name} 不带参数值`, `option --${spec.name} takes no value`);
      options.set(spec.name, true);
      continue;
    }
    let v = inline;
    if (v === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`选项 --${spec.name} 缺少参数值`, `option --${spec.name} needs a value`);
      }
      v = next;
      i++;
    }
    if (v === '') throw new UsageError(`选项 --${spec.name} 的参数值为空`, `option --${spec.name} has an empty value`);
    options.set(spec.name, v);
  }
  return { positionals, options };
}

/** `--lang` as early as possible (even before a parse error), so every message comes in the right language. */
export function sniffLang(argv: readonly string[]): 'zh' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'zh';
}
