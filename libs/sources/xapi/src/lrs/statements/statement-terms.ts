import type { StatementFilter } from '../../http/statement-query.parser.js';
import { agentKey, type StatementIndex } from '../../statements/statement-index.extractor.js';

/**
 * The values GET /statements filters on, as prefixed terms in one text[] column with a GIN index: a filter is a set of
 * terms the Statement must all contain (`match_terms @> filter`). Prefixes keep kinds apart: `a:` agent (actor or
 * object), `ra:` related agent, `act:` activity (object), `ract:` related activity, `v:` verb, `r:` registration.
 */
export function statementMatchTerms(index: StatementIndex): string[] {
  const terms = new Set<string>([`v:${index.verbId}`]);
  for (const agent of index.agents) terms.add(`a:${agent}`);
  for (const agent of index.relatedAgents) terms.add(`ra:${agent}`);
  if (index.activity !== undefined) terms.add(`act:${index.activity}`);
  for (const activity of index.relatedActivities) terms.add(`ract:${activity}`);
  if (index.registration !== undefined) terms.add(`r:${index.registration}`);
  return [...terms];
}

/** The terms a filter requires (Communication 2.1.3.s1); related_* widen agent and activity to their related sets. */
export function filterTerms(filter: StatementFilter): string[] {
  const terms: string[] = [];
  const agent = filter.agent ? agentKey(filter.agent) : undefined;
  if (agent !== undefined) terms.push(`${filter.relatedAgents ? 'ra' : 'a'}:${agent}`);
  if (filter.verb !== undefined) terms.push(`v:${filter.verb}`);
  if (filter.activity !== undefined) terms.push(`${filter.relatedActivities ? 'ract' : 'act'}:${filter.activity}`);
  if (filter.registration !== undefined) terms.push(`r:${filter.registration}`);
  return terms;
}

export const activityTerm = (activityId: string) => `act:${activityId}`;
