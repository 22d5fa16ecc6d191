// The outbound gate's verdicts for direct readers, as part of the Store contract. A reader outside
// the node's jurisdiction may read only what the gate lets out for it; which versions those are is
// decided by node/read-gate.ts (with the same decision as a share) and recorded here, per version
// and reader, so that the page query applies it as a predicate (ObjectQuery.gateReader) and pages,
// `more` and 'first'/'last' stay exact. A mark per (collection, reader) says up to which seq the
// verdicts were decided and, in `fingerprint`, text the store keeps without reading it
// (node/read-gate.ts records there the inputs the verdicts were decided under and its re-decision
// sweep). Both adapters run test/store/contract-gate.ts.

/** How far the verdicts of one reader in one collection go, and what they were decided under. */
export interface GateMark {
  readonly fingerprint: string;
  /** Every version of the collection with seq up to this was decided (those this reader may read). */
  readonly uptoSeq: number;
}

export interface GateVerdict {
  readonly seq: number;
  /** True: the version goes out (possibly redacted); false: held or withheld for this reader. */
  readonly pass: boolean;
}

export interface GateVerdicts {
  readonly collectionId: string;
  /** A reader key: the organisation id of the reader. */
  readonly reader: string;
  readonly fingerprint: string;
  readonly uptoSeq: number;
  /** Drop every earlier verdict of this reader in this collection first (the inputs changed). */
  readonly reset: boolean;
  readonly verdicts: readonly GateVerdict[];
}

export interface GateStore {
  gateMark(collectionId: string, reader: string): Promise<GateMark | undefined>;
  /** Writes the verdicts and the mark in ONE transaction (a reset included). */
  recordGateVerdicts(verdicts: GateVerdicts): Promise<void>;
}
