// "What to do" about one object: the ATT&CK techniques it involves, the mitigations for each, and
// the practices partners shared about them, each with the path that links it to the object.
//
//   sighting --sighting_of_ref--> indicator --indicates--> malware | campaign | intrusion-set | tool
//   | threat-actor | attack-pattern;   campaign --attributed-to--> intrusion-set | threat-actor;
//   malware | campaign | intrusion-set | tool | threat-actor --uses--> attack-pattern | malware | tool;
//   course-of-action --mitigates--> attack-pattern  (the mitigations);
//   note | report --object_refs--> a technique, a mitigation or the object itself, and a
//   course-of-action naming a technique's ATT&CK id in its external references (shared practices).
//
// Pure: it sees only the objects it is given (the caller loads what the reader may read). Revoked
// objects and ATT&CK's deprecated ones (x_mitre_deprecated) are not walked through or advised;
// each one met is listed in `skipped` with its reason.
import { attackIdOf, buildGraph, retiredReason, str, type PracticeGraph, type StixObject } from './graph.js';
import type { PracticeLanguage } from './languages.js';
import { localise, type LocalisedText } from './translate.js';

/** Relationship types followed from the object toward techniques. */
const FOLLOWED: ReadonlySet<string> = new Set(['indicates', 'uses', 'attributed-to']);
/** The longest path walked (sighting, indicator, campaign, intrusion set, malware, technique). */
const MAX_DEPTH = 6;

export interface Step {
  readonly from: string;
  /** A relationship type, or `sighting_of_ref`. */
  readonly via: string;
  /** The relationship object, when the step is one. */
  readonly relationshipId?: string;
  readonly to: string;
}

export interface Mitigation {
  readonly id: string;
  readonly attackId?: string;
  readonly createdBy?: string;
  readonly text: LocalisedText;
  /** The `mitigates` relationship linking it to the technique, and what it says about how. */
  readonly relationshipId: string;
  readonly how?: string;
}

export interface TechniqueAdvice {
  readonly id: string;
  readonly attackId?: string;
  readonly text: LocalisedText;
  /** Each way the object reaches the technique (one path per object that uses or indicates it). */
  readonly paths: readonly (readonly Step[])[];
  readonly mitigations: readonly Mitigation[];
}

export interface SharedPractice {
  readonly id: string;
  readonly type: string;
  readonly createdBy?: string;
  readonly text: LocalisedText;
  /** The techniques, mitigations or the object itself this practice refers to. */
  readonly about: readonly string[];
}

export interface Skipped {
  readonly id: string;
  readonly type: string;
  readonly reason: 'revoked' | 'deprecated';
}

export interface WhatToDo {
  readonly subject: { readonly id: string; readonly type: string; readonly text: LocalisedText };
  readonly language: PracticeLanguage;
  readonly techniques: readonly TechniqueAdvice[];
  readonly practices: readonly SharedPractice[];
  readonly skipped: readonly Skipped[];
}

function byAttackId(a: { attackId?: string; id: string }, b: { attackId?: string; id: string }): number {
  return (a.attackId ?? '\uffff').localeCompare(b.attackId ?? '\uffff') || a.id.localeCompare(b.id);
}

class Walk {
  readonly skipped = new Map<string, Skipped>();
  /** Shortest path from the subject to each node walked through. */
  readonly pathTo = new Map<string, Step[]>();
  readonly techniquePaths = new Map<string, Step[][]>();

  constructor(readonly graph: PracticeGraph) {}

  /** The object, or undefined when absent, or retired (then noted as skipped). */
  usable(id: string): StixObject | undefined {
    const object = this.graph.byId.get(id);
    if (object === undefined) return undefined;
    const reason = retiredReason(object);
    if (reason === undefined) return object;
    this.skipped.set(id, { id, type: str(object, 'type') ?? '', reason });
    return undefined;
  }

  run(subjectId: string, subject: StixObject): void {
    this.pathTo.set(subjectId, []);
    let frontier: [string, StixObject][] = [[subjectId, subject]];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: [string, StixObject][] = [];
      for (const [id, object] of frontier) {
        const path = this.pathTo.get(id) ?? [];
        if (str(object, 'type') === 'attack-pattern') {
          const paths = this.techniquePaths.get(id) ?? [];
          paths.push(path);
          this.techniquePaths.set(id, paths);
          continue;
        }
        for (const step of this.stepsFrom(id, object)) {
          const target = this.usable(step.to);
          if (target === undefined) continue;
          if (str(target, 'type') === 'attack-pattern') {
            // Every way to a technique is kept (its explanation); other nodes are walked once.
            if (!this.pathTo.has(step.to)) this.pathTo.set(step.to, [...path, step]);
            const paths = this.techniquePaths.get(step.to) ?? [];
            paths.push([...path, step]);
            this.techniquePaths.set(step.to, paths);
            continue;
          }
          if (this.pathTo.has(step.to)) continue;
          this.pathTo.set(step.to, [...path, step]);
          next.push([step.to, target]);
        }
      }
      frontier = next;
    }
  }

  private stepsFrom(id: string, object: StixObject): Step[] {
    const steps: Step[] = [];
    const seen = str(object, 'sighting_of_ref');
    if (str(object, 'type') === 'sighting' && seen !== undefined) steps.push({ from: id, via: 'sighting_of_ref', to: seen });
    for (const rel of this.graph.outgoing.get(id) ?? []) {
      if (!FOLLOWED.has(rel.type)) continue;
      if (this.usable(rel.id) === undefined) continue;
      steps.push({ from: id, via: rel.type, relationshipId: rel.id, to: rel.target });
    }
    return steps;
  }
}

function mitigationsOf(walk: Walk, techniqueId: string, language: PracticeLanguage): Mitigation[] {
  const out: Mitigation[] = [];
  for (const rel of walk.graph.incoming.get(techniqueId) ?? []) {
    if (rel.type !== 'mitigates' || walk.usable(rel.id) === undefined) continue;
    const action = walk.usable(rel.source);
    if (action === undefined || str(action, 'type') !== 'course-of-action') continue;
    const attackId = attackIdOf(action);
    const createdBy = str(action, 'created_by_ref');
    const how = str(rel.object, 'description');
    out.push({ id: rel.source, ...(attackId === undefined ? {} : { attackId }), ...(createdBy === undefined ? {} : { createdBy }), text: localise(walk.graph, action, language), relationshipId: rel.id, ...(how === undefined || how === '' ? {} : { how }) });
  }
  return out.sort(byAttackId);
}

function sharedPractices(walk: Walk, subjectId: string, techniques: readonly TechniqueAdvice[], language: PracticeLanguage): SharedPractice[] {
  const about = new Map<string, Set<string>>();
  const note = (practiceId: string, aboutId: string) => {
    const set = about.get(practiceId) ?? new Set<string>();
    set.add(aboutId);
    about.set(practiceId, set);
  };
  const mitigationIds = new Set(techniques.flatMap((t) => t.mitigations.map((m) => m.id)));
  const topics = [subjectId, ...techniques.map((t) => t.id), ...mitigationIds];
  for (const topic of topics) for (const ref of walk.graph.referencedBy.get(topic) ?? []) note(ref, topic);
  for (const t of techniques) {
    if (t.attackId === undefined) continue;
    for (const action of walk.graph.actionsByAttackId.get(t.attackId) ?? []) if (!mitigationIds.has(action) && action !== t.id) note(action, t.id);
  }
  const out: SharedPractice[] = [];
  for (const [id, topicsOf] of about) {
    const object = walk.usable(id);
    if (object === undefined) continue;
    const createdBy = str(object, 'created_by_ref');
    out.push({ id, type: str(object, 'type') ?? '', ...(createdBy === undefined ? {} : { createdBy }), text: localise(walk.graph, object, language), about: [...topicsOf].sort() });
  }
  return out.sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

/** Advice for `subjectId` from `objects` (or a graph built from them); undefined when the object is not among them. */
export function whatToDo(objects: Iterable<StixObject> | PracticeGraph, subjectId: string, language: PracticeLanguage = 'en'): WhatToDo | undefined {
  const graph = isGraph(objects) ? objects : buildGraph(objects);
  const subject = graph.byId.get(subjectId);
  if (subject === undefined) return undefined;
  const walk = new Walk(graph);
  const subjectRetired = retiredReason(subject);
  if (subjectRetired === undefined) walk.run(subjectId, subject);
  else walk.skipped.set(subjectId, { id: subjectId, type: str(subject, 'type') ?? '', reason: subjectRetired });
  const techniques: TechniqueAdvice[] = [];
  for (const [id, paths] of walk.techniquePaths) {
    const technique = graph.byId.get(id);
    if (technique === undefined) continue;
    const attackId = attackIdOf(technique);
    techniques.push({ id, ...(attackId === undefined ? {} : { attackId }), text: localise(graph, technique, language), paths, mitigations: mitigationsOf(walk, id, language) });
  }
  techniques.sort(byAttackId);
  const practices = sharedPractices(walk, subjectId, techniques, language);
  return {
    subject: { id: subjectId, type: str(subject, 'type') ?? '', text: localise(graph, subject, language) },
    language,
    techniques,
    practices,
    skipped: [...walk.skipped.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function isGraph(value: Iterable<StixObject> | PracticeGraph): value is PracticeGraph {
  return (value as PracticeGraph).byId instanceof Map;
}
