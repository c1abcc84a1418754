/**
 * Which commands write into which file, for one command list: output redirections of simple
 * commands and of compounds (`{ …; } > f`, `while …; done > f`, `( … ) > f`), and `tee f`,
 * each with the commands whose output lands there (the redirected ones and the earlier
 * stages of their pipeline). Fed by the list's grammar state as it reads.
 */
import { basename } from './launchers.js';
import type { SimpleCommand, Word } from './types.js';

/** Receives each write found, with its target word and writers. */
export type WriteSink = (
  target: Word,
  via: 'redirect' | 'tee',
  writers: readonly SimpleCommand[],
) => void;

interface Group {
  /** Index in `flushed` of the group's first command. */
  readonly mark: number;
  /** The pipeline stages before the group (`a | while …`). */
  readonly pipe: readonly SimpleCommand[];
}

export class OutputWrites {
  /** The commands of this list, in the order their words ended (substitutions excluded). */
  private readonly flushed: SimpleCommand[] = [];
  /** Where the current pipeline stage starts in `flushed`. */
  private stageMark = 0;
  /** Commands of the earlier stages of the current pipeline. */
  private pipe: SimpleCommand[] = [];
  private readonly groups: Group[] = [];
  /** The compound just closed: a redirection right after its closer applies to all of it. */
  private closed: Group | undefined;
  /** Output redirections of the command being read. */
  private pending: Word[] = [];

  constructor(private readonly sink: WriteSink) {}

  /** `> f`, `>> f`, `&> f`, `>| f` on the command being read, or right after a closer. */
  redirect(target: Word, commandStarted: boolean): void {
    if (!commandStarted && this.closed) {
      const g = this.closed;
      this.sink(target, 'redirect', [...this.flushed.slice(g.mark), ...g.pipe]);
    } else this.pending.push(target);
  }

  /** A word of a command: a closer's redirections end there. */
  word(): void {
    this.closed = undefined;
  }

  /** The words of a simple command ended: `emitted` is what they ran. */
  command(words: readonly Word[], emitted: readonly SimpleCommand[]): void {
    this.closed = undefined;
    for (const target of this.pending) this.sink(target, 'redirect', [...emitted, ...this.pipe]);
    this.pending = [];
    const tee = teeTarget(words);
    if (tee) this.sink(tee, 'tee', [...this.pipe]);
    this.flushed.push(...emitted);
  }

  /** `|` or `|&`: the stage just ended feeds the next one. */
  pipeTo(): void {
    this.closed = undefined;
    this.pipe = [...this.pipe, ...this.flushed.slice(this.stageMark)];
    this.stageMark = this.flushed.length;
  }

  /** `;`, `&&`, `||`, `&`, newline, `;;`: a new pipeline starts. */
  separate(): void {
    this.closed = undefined;
    this.pipe = [];
    this.stageMark = this.flushed.length;
  }

  /** `{`, `(`, `if`, `while`, `until`, `for`, `select`, `case`. */
  open(): void {
    this.closed = undefined;
    this.groups.push({ mark: this.flushed.length, pipe: this.pipe });
    this.pipe = [];
    this.stageMark = this.flushed.length;
  }

  /** `}`, `)`, `fi`, `done`, `esac`: the compound is one stage of its pipeline again. */
  close(): void {
    const g = this.groups.pop();
    if (!g) return;
    this.closed = g;
    this.pipe = [...g.pipe];
    this.stageMark = g.mark;
  }
}

/** The file of `tee [-a…] FILE`, the first operand after its flags. */
function teeTarget(words: readonly Word[]): Word | undefined {
  const at = words.findIndex((w) => !w.quoted && basename(w.value) === 'tee');
  if (at < 0) return undefined;
  let i = at + 1;
  while (words[i]?.value.startsWith('-')) i++;
  return words[i];
}
