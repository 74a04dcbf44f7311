/**
 * Every output path of a command is checked the same way (SPEC §7: an input file is never modified, links
 * included): against every input — same path, real path or inode (src/xlsx/output-file.ts) — and against the
 * other outputs of the same run (`--annotate x --report x`). A clash is a usage error, before anything is read.
 */
import { sameFile } from '../xlsx/output-file';
import { UsageError } from './args';

export interface OutputPath {
  /** The option as typed (`--report`, `-o`). */
  option: string;
  /** The path as typed. */
  arg: string;
  abs: string;
}

export async function assertOutputsSafe(inputs: readonly { display: string; abs: string }[], outputs: readonly OutputPath[]): Promise<void> {
  for (const out of outputs) {
    for (const inp of inputs) {
      if (await sameFile(inp.abs, out.abs)) {
        throw new UsageError(
          `${out.option} 的输出 ${out.arg} 就是输入文件 ${inp.display}（或指向它的链接）：输入文件从不被修改，请另选输出路径。`,
          `The ${out.option} output ${out.arg} is the input file ${inp.display} (or a link to it): input files are never modified; choose another path.`,
        );
      }
    }
  }
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      const a = outputs[i];
      const b = outputs[j];
      if (await sameFile(a.abs, b.abs)) {
        throw new UsageError(
          `${a.option} ${a.arg} 与 ${b.option} ${b.arg} 是同一个文件：一个会覆盖另一个，请分别指定不同的输出路径。`,
          `${a.option} ${a.arg} and ${b.option} ${b.arg} are the same file: one would overwrite the other; give different output paths.`,
        );
      }
    }
  }
}
