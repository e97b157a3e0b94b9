import { durationForComparison } from './formats/duration.format.js';
import { parseTimestamp } from './formats/timestamp.format.js';
import { CONTEXT_ACTIVITY_KINDS } from './statement.types.js';

type Json = Record<string, unknown>;

/**
 * Statement Comparison Requirements (Data 2.3.1.s9): two Statements match when they differ only where Statement
 * immutability allows. Ignored: id when one side has none, authority, stored, version, attachments, Activity
 * Definitions, Verb display, the serialisation of timestamps (compared as instants; a missing one could have been
 * assigned by an LRS), the order of Group members, the case of UUIDs and of email domains, single context activities
 * versus arrays, an omitted default objectType, and Duration precision below 0.01 s. Everything else must be equal.
 * Used for PUT/POST conflicts (409 when false) and for signed Statements (Data 2.6.s5.b3.b2).
 */
export function statementsEquivalent(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  if (!sameOptionalId(a['id'], b['id'])) return false;
  if (!sameOptionalInstant(a['timestamp'], b['timestamp'])) return false;
  return deepEqual(comparableBody(a), comparableBody(b));
}

function comparableBody(statement: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(statement)) {
    switch (key) {
      case 'id':
      case 'timestamp':
      case 'authority':
      case 'stored':
      case 'version':
      case 'attachments':
        break;
      case 'actor':
        out[key] = comparableActor(value);
        break;
      case 'verb':
        out[key] = isObject(value) ? { id: value['id'] } : value;
        break;
      case 'object':
        out[key] = comparableObject(value);
        break;
      case 'context':
        out[key] = comparableContext(value);
        break;
      case 'result':
        out[key] = comparableResult(value);
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

function comparableObject(object: unknown): unknown {
  if (!isObject(object)) return object;
  switch (object['objectType'] ?? 'Activity') {
    case 'Activity':
      return comparableActivity(object);
    case 'Agent':
    case 'Group':
      return comparableActor(object);
    case 'StatementRef':
      return { objectType: 'StatementRef', id: lowerIfString(object['id']) };
    case 'SubStatement': {
      // A SubStatement's timestamp is never assigned by an LRS, so only its serialisation may differ.
      const instant = typeof object['timestamp'] === 'string' ? parseTimestamp(object['timestamp'])?.epochMs : undefined;
      return { ...comparableBody(object), timestamp: instant ?? object['timestamp'] };
    }
    default:
      return object;
  }
}

function comparableActivity(activity: unknown): unknown {
  return isObject(activity) ? { objectType: 'Activity', id: activity['id'] } : activity;
}

function comparableActor(actor: unknown): unknown {
  if (!isObject(actor)) return actor;
  const out: Json = { ...actor, objectType: actor['objectType'] ?? 'Agent' };
  if (typeof actor['mbox'] === 'string') out['mbox'] = lowerEmailDomain(actor['mbox']);
  if (Array.isArray(actor['member'])) {
    out['member'] = actor['member'].map(comparableActor).sort((x, y) => stableStringify(x).localeCompare(stableStringify(y)));
  }
  return out;
}

function comparableContext(context: unknown): unknown {
  if (!isObject(context)) return context;
  const out: Json = { ...context };
  if (typeof context['registration'] === 'string') out['registration'] = context['registration'].toLowerCase();
  if (context['instructor'] !== undefined) out['instructor'] = comparableActor(context['instructor']);
  if (context['team'] !== undefined) out['team'] = comparableActor(context['team']);
  if (isObject(context['statement'])) {
    out['statement'] = { ...context['statement'], id: lowerIfString(context['statement']['id']) };
  }
  const activities = context['contextActivities'];
  if (isObject(activities)) {
    const normalized: Json = {};
    for (const kind of CONTEXT_ACTIVITY_KINDS) {
      const value = activities[kind];
      if (value === undefined) continue;
      normalized[kind] = (Array.isArray(value) ? value : [value]).map(comparableActivity);
    }
    out['contextActivities'] = normalized;
  }
  return out;
}

function comparableResult(result: unknown): unknown {
  if (!isObject(result) || typeof result['duration'] !== 'string') return result;
  return { ...result, duration: durationForComparison(result['duration']) };
}

function sameOptionalId(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return true;
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function sameOptionalInstant(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  const x = parseTimestamp(a);
  const y = parseTimestamp(b);
  return x !== undefined && y !== undefined ? x.epochMs === y.epochMs : a === b;
}

/** The domain of an email address is case-insensitive (Data 2.3.1.b7, 2.4.2.3.s4.b1); the local part is not. */
function lowerEmailDomain(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

function lowerIfString(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
