/**
 * The xAPI 1.0.3 Statement model (Data 2.4). These types describe a Statement that passed `validateStatement`;
 * the validator works on `unknown` and is the only way to obtain them safely.
 */

/** RFC 5646 language tag -> text (Data 4.2). */
export type LanguageMap = Record<string, string>;

/** IRI -> any JSON value (Data 4.1). */
export type Extensions = Record<string, unknown>;

export interface Account {
  homePage: string;
  name: string;
}

/** Exactly one of these identifies an Agent or an Identified Group (Data 2.4.2.3). */
export interface InverseFunctionalIdentifiers {
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
}

export interface Agent extends InverseFunctionalIdentifiers {
  objectType?: 'Agent';
  name?: string;
}

export interface Group extends InverseFunctionalIdentifiers {
  objectType: 'Group';
  name?: string;
  member?: Agent[];
}

export type Actor = Agent | Group;

export interface Verb {
  id: string;
  display?: LanguageMap;
}

export const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const INTERACTION_COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
export type InteractionComponentList = (typeof INTERACTION_COMPONENT_LISTS)[number];

export interface InteractionComponent {
  id: string;
  description?: LanguageMap;
}

export interface ActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  extensions?: Extensions;
  interactionType?: InteractionType;
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  scale?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
  steps?: InteractionComponent[];
}

export interface Activity {
  objectType?: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

/** An Agent used as a Statement's object must name its objectType (Data 2.4.4.2.s1.b1). */
export type AgentObject = Agent & { objectType: 'Agent' };

export interface SubStatement {
  objectType: 'SubStatement';
  actor: Actor;
  verb: Verb;
  object: Activity | AgentObject | Group | StatementRef;
  result?: Result;
  context?: Context;
  timestamp?: string;
  attachments?: Attachment[];
}

export type StatementObject = Activity | AgentObject | Group | StatementRef | SubStatement;

export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Extensions;
}

export const CONTEXT_ACTIVITY_KINDS = ['parent', 'grouping', 'category', 'other'] as const;
export type ContextActivityKind = (typeof CONTEXT_ACTIVITY_KINDS)[number];

/** Received values may be a single Activity (0.95 compatibility); stored values are always arrays. */
export type ContextActivities = Partial<Record<ContextActivityKind, Activity | Activity[]>>;

export interface Context {
  registration?: string;
  instructor?: Actor;
  team?: Group;
  contextActivities?: ContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: StatementRef;
  extensions?: Extensions;
}

export interface Attachment {
  usageType: string;
  display: LanguageMap;
  description?: LanguageMap;
  contentType: string;
  length: number;
  sha2: string;
  fileUrl?: string;
}

export interface Statement {
  id?: string;
  actor: Actor;
  verb: Verb;
  object: StatementObject;
  result?: Result;
  context?: Context;
  timestamp?: string;
  stored?: string;
  authority?: Actor;
  version?: string;
  attachments?: Attachment[];
}

/** A Statement as the LRS keeps it: every LRS-assigned property is present (Data 2.3.1.b1). */
export interface StoredStatement extends Statement {
  id: string;
  timestamp: string;
  stored: string;
  authority: Actor;
  version: string;
}
