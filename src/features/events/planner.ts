/**
 * Barcamp draft plan: puts sessions into a grid of rooms × time slots. Pure and deterministic
 * (no database, no I/O, no clock; same input → same output).
 *
 * Hard constraints: one session per (room, slot); a session at most once; a session's expected
 * size (its interested people plus any host not already among them) fits the room; no host in
 * two sessions of one slot; the organiser's pins (`fixed`) stay as they are and occupy their
 * cell and their hosts.
 *
 * Method. Rooms within a slot go by popularity rank: the slot's most popular session gets its
 * biggest free room, the second the second biggest, and so on. A slot can then hold a set of
 * sessions exactly when, both sorted by size, the i-th biggest session fits the i-th biggest
 * free room; so the plan is really a choice of slot per session, and participant conflicts
 * depend only on that choice.
 *  1. Greedy: sessions in popularity order (size descending, then id) each go to the feasible
 *     slot that adds the fewest participant conflicts (ties: the slot with more free rooms left,
 *     then the earlier slot). If no slot can take a session, one already placed session may
 *     move to another slot to make way. Taking sessions biggest first places as many as the
 *     room capacities allow and leaves out the least popular when the grid is full.
 *  2. Local search: for each placed session, the best move to another slot or swap with a
 *     session of another slot that keeps every hard constraint and lowers the conflicts;
 *     repeated until nothing improves. Then a bounded number of seeded random kicks (a few
 *     feasible moves/swaps) each followed by local search, keeping only better results
 *     (iterated local search). All work is counted, not timed, so the result never depends on
 *     the machine.
 *  3. Promotion: each unplaced session (most popular first) is inserted if a slot now has room
 *     for it, else it takes the cell of the least popular placed session it can replace. If
 *     that changed anything, back to 2 (bounded).
 * The set of placed sessions is fixed before conflicts are minimised, so conflicts never cost
 * a placement (goals in order: as many sessions as possible, most popular first; popular ones
 * in big rooms; fewest participant conflicts).
 *
 * A participant "wants" the sessions they marked interest in and the sessions they host. Pins
 * naming an unknown room or slot cannot be kept: those sessions are planned freely and listed
 * in `ignoredPins`. Pins that clash with each other (same cell, same host, too small a room) are
 * kept all the same; `checkPlan` reports them.
 */

export interface PlanRoom {
  id: string;
  capacity: number;
}

/** Slots are given in time order. */
export interface PlanSlot {
  id: string;
}

export interface PlanSession {
  id: string;
  hostIds: string[];
  /** who marked interest */
  interestedIds: string[];
  /** organiser pinned it here; the generator keeps it */
  fixed?: { roomId: string; slotId: string };
}

export interface Placement {
  sessionId: string;
  roomId: string;
  slotId: string;
}

export type UnplacedReason = 'no_room' | 'host_conflict';

export interface PlanResult {
  placements: Placement[];
  /** sessions not in the plan, with why: 'no_room' (grid full or no free room big enough), 'host_conflict' */
  unplaced: { sessionId: string; reason: UnplacedReason }[];
  /** sum over participants and slots of max(0, wanted sessions in that slot - 1) */
  participantConflicts: number;
  /** sessions whose pin names an unknown room or slot; they were planned like unpinned ones */
  ignoredPins?: string[];
}

export interface PlanInput {
  rooms: PlanRoom[];
  slots: PlanSlot[];
  sessions: PlanSession[];
}

export interface PlanOptions {
  /** random kicks of the iterated local search (default 40) */
  kicks?: number;
  /** seed of the kicks' PRNG (default fixed) */
  seed?: number;
  /** upper bound on the work of the search, in participant-slot look-ups (default 40 million) */
  workBudget?: number;
}

const DEFAULT_KICKS = 40;
const DEFAULT_SEED = 0x5eed_1234;
const DEFAULT_WORK_BUDGET = 40_000_000;
/** Promotion/local-search rounds after the first local search. */
const MAX_ROUNDS = 5;

/** Expected size of a session: interested people plus any host not already interested. */
export function sessionSize(session: PlanSession): number {
  return new Set([...session.interestedIds, ...session.hostIds]).size;
}

/** Sum over participants and slots of max(0, sessions they want in that slot − 1). */
export function countParticipantConflicts(sessions: PlanSession[], placements: Placement[]): number {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const seen = new Set<string>();
  const wanted = new Map<string, number>();
  let conflicts = 0;
  for (const placement of placements) {
    const session = byId.get(placement.sessionId);
    const key = `${placement.sessionId}\u0000${placement.slotId}`;
    if (!session || seen.has(key)) continue;
    seen.add(key);
    for (const person of new Set([...session.interestedIds, ...session.hostIds])) {
      const cell = `${person}\u0000${placement.slotId}`;
      const before = wanted.get(cell) ?? 0;
      if (before >= 1) conflicts++;
      wanted.set(cell, before + 1);
    }
  }
  return conflicts;
}

/**
 * The hard constraints a plan violates, one line each (`code: detail`), empty when the plan is
 * fine. Codes: duplicate_id, unknown_session, unknown_room, unknown_slot, placed_twice,
 * room_double_booked, over_capacity, host_conflict, fixed_moved, fixed_missing. Pins naming an
 * unknown room or slot are not checked (the generator cannot keep them either).
 */
export function checkPlan(input: PlanInput, placements: Placement[]): string[] {
  const problems: string[] = [];
  for (const [kind, list] of [['room', input.rooms], ['slot', input.slots], ['session', input.sessions]] as const) {
    const ids = new Set<string>();
    for (const { id } of list) {
      if (ids.has(id)) problems.push(`duplicate_id: ${kind} "${id}" appears more than once`);
      ids.add(id);
    }
  }
  const rooms = new Map(input.rooms.map((room) => [room.id, room]));
  const slots = new Set(input.slots.map((slot) => slot.id));
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));

  const timesPlaced = new Map<string, Placement[]>();
  const cells = new Map<string, string[]>();
  const hostsInSlot = new Map<string, string[]>();
  for (const placement of placements) {
    const { sessionId, roomId, slotId } = placement;
    const session = sessions.get(sessionId);
    const room = rooms.get(roomId);
    if (!session) problems.push(`unknown_session: placement of unknown session "${sessionId}"`);
    if (!room) problems.push(`unknown_room: session "${sessionId}" is in unknown room "${roomId}"`);
    if (!slots.has(slotId)) problems.push(`unknown_slot: session "${sessionId}" is in unknown slot "${slotId}"`);
    timesPlaced.set(sessionId, [...(timesPlaced.get(sessionId) ?? []), placement]);
    const cell = `${roomId}\u0000${slotId}`;
    cells.set(cell, [...(cells.get(cell) ?? []), sessionId]);
    if (!session) continue;
    const size = sessionSize(session);
    if (room && size > room.capacity) problems.push(`over_capacity: session "${sessionId}" expects ${size} people, room "${roomId}" holds ${room.capacity}`);
    for (const host of new Set(session.hostIds)) {
      const key = `${host}\u0000${slotId}`;
      hostsInSlot.set(key, [...(hostsInSlot.get(key) ?? []), sessionId]);
    }
  }
  for (const [sessionId, list] of timesPlaced) {
    if (list.length > 1) problems.push(`placed_twice: session "${sessionId}" is placed ${list.length} times`);
  }
  for (const [cell, ids] of cells) {
    const [roomId, slotId] = cell.split('\u0000');
    if (ids.length > 1) problems.push(`room_double_booked: room "${roomId}" in slot "${slotId}" holds sessions ${ids.map((id) => `"${id}"`).join(', ')}`);
  }
  for (const [key, ids] of hostsInSlot) {
    const [host, slotId] = key.split('\u0000');
    if (ids.length > 1) problems.push(`host_conflict: host "${host}" runs sessions ${ids.map((id) => `"${id}"`).join(', ')} in slot "${slotId}"`);
  }
  for (const session of input.sessions) {
    const pin = session.fixed;
    if (!pin || !rooms.has(pin.roomId) || !slots.has(pin.slotId)) continue;
    const placed = timesPlaced.get(session.id) ?? [];
    if (placed.length === 0) problems.push(`fixed_missing: session "${session.id}" is pinned to room "${pin.roomId}" in slot "${pin.slotId}" but not placed`);
    else if (!placed.some((p) => p.roomId === pin.roomId && p.slotId === pin.slotId)) {
      problems.push(`fixed_moved: session "${session.id}" is pinned to room "${pin.roomId}" in slot "${pin.slotId}" but placed elsewhere`);
    }
  }
  return problems;
}

/** Small, fast, seeded PRNG (mulberry32): floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Sess {
  id: string;
  size: number;
  /** participants (interested ∪ hosts) as indices */
  attendees: Int32Array;
  hosts: Int32Array;
  pin: { room: number; slot: number } | null;
}

/**
 * The search state. Sessions are indexed by popularity rank (0 = most popular), so a slot's
 * member list sorted ascending is also sorted by size descending, which is the order rooms are
 * handed out in.
 */
class Grid {
  readonly sessions: Sess[];
  readonly rooms: PlanRoom[];
  readonly slotCount: number;
  /** slot of each session, -1 when unplaced; pinned sessions sit in their pinned slot */
  readonly slotOf: Int32Array;
  /** unpinned sessions per slot, ascending */
  readonly members: number[][];
  /** pinned sessions per slot */
  readonly pinned: number[][];
  /** free room indices per slot (rooms not pinned), biggest first, and their capacities */
  readonly freeRooms: number[][];
  readonly freeCaps: number[][];
  /** want[p * slotCount + t]: sessions participant p wants in slot t */
  readonly want: Int32Array;
  conflicts = 0;
  work = 0;
  private readonly markA: Int32Array;
  private readonly markB: Int32Array;
  private generation = 0;

  constructor(sessions: Sess[], rooms: PlanRoom[], slotCount: number, personCount: number) {
    this.sessions = sessions;
    this.rooms = rooms;
    this.slotCount = slotCount;
    this.slotOf = new Int32Array(sessions.length).fill(-1);
    this.members = Array.from({ length: slotCount }, () => []);
    this.pinned = Array.from({ length: slotCount }, () => []);
    const taken = Array.from({ length: slotCount }, () => new Set<number>());
    sessions.forEach((session, s) => {
      if (!session.pin) return;
      this.pinned[session.pin.slot]!.push(s);
      taken[session.pin.slot]!.add(session.pin.room);
    });
    this.freeRooms = taken.map((set) => rooms.map((_, r) => r).filter((r) => !set.has(r)));
    this.freeCaps = this.freeRooms.map((list) => list.map((r) => rooms[r]!.capacity));
    this.want = new Int32Array(personCount * slotCount);
    this.markA = new Int32Array(personCount);
    this.markB = new Int32Array(personCount);
    sessions.forEach((session, s) => {
      if (session.pin) this.add(s, session.pin.slot, false);
    });
  }

  /** Conflicts added by putting s into slot t (s not in t). */
  addDelta(s: number, t: number): number {
    const { attendees } = this.sessions[s]!;
    const S = this.slotCount;
    let delta = 0;
    for (let i = 0; i < attendees.length; i++) if (this.want[attendees[i]! * S + t]! >= 1) delta++;
    this.work += attendees.length;
    return delta;
  }

  /** Conflicts removed by taking s out of slot t (s in t). */
  removeDelta(s: number, t: number): number {
    const { attendees } = this.sessions[s]!;
    const S = this.slotCount;
    let delta = 0;
    for (let i = 0; i < attendees.length; i++) if (this.want[attendees[i]! * S + t]! >= 2) delta++;
    this.work += attendees.length;
    return delta;
  }

  /** Change in conflicts when s (in slot a) and u (in slot b) trade slots. */
  swapDelta(s: number, a: number, u: number, b: number): number {
    const attS = this.sessions[s]!.attendees;
    const attU = this.sessions[u]!.attendees;
    const S = this.slotCount;
    const gen = ++this.generation;
    for (let i = 0; i < attS.length; i++) this.markA[attS[i]!] = gen;
    let delta = 0;
    // Someone who wants both keeps one session in each slot: no change for them.
    for (let i = 0; i < attU.length; i++) {
      const p = attU[i]!;
      this.markB[p] = gen;
      if (this.markA[p] === gen) continue;
      if (this.want[p * S + a]! >= 1) delta++;
      if (this.want[p * S + b]! >= 2) delta--;
    }
    for (let i = 0; i < attS.length; i++) {
      const p = attS[i]!;
      if (this.markB[p] === gen) continue;
      if (this.want[p * S + b]! >= 1) delta++;
      if (this.want[p * S + a]! >= 2) delta--;
    }
    this.work += 2 * (attS.length + attU.length);
    return delta;
  }

  /** Whether slot t can hold its pins plus `list` (unpinned, ascending): rooms by rank, hosts apart. */
  canHold(t: number, list: number[]): boolean {
    const caps = this.freeCaps[t]!;
    if (list.length > caps.length) return false;
    for (let i = 0; i < list.length; i++) if (this.sessions[list[i]!]!.size > caps[i]!) return false;
    return this.hostsApart(t, list);
  }

  /** Whether the free rooms of slot t fit `list` by size (hosts not looked at). */
  roomsFit(t: number, list: number[]): boolean {
    const caps = this.freeCaps[t]!;
    if (list.length > caps.length) return false;
    for (let i = 0; i < list.length; i++) if (this.sessions[list[i]!]!.size > caps[i]!) return false;
    return true;
  }

  hostsApart(t: number, list: number[]): boolean {
    const seen = new Set<number>();
    for (const s of this.pinned[t]!) for (const h of this.sessions[s]!.hosts) seen.add(h);
    for (const s of list) {
      for (const h of this.sessions[s]!.hosts) {
        if (seen.has(h)) return false;
        seen.add(h);
      }
    }
    return true;
  }

  add(s: number, t: number, unpinned = true): void {
    const { attendees } = this.sessions[s]!;
    const S = this.slotCount;
    for (let i = 0; i < attendees.length; i++) {
      const k = attendees[i]! * S + t;
      if (this.want[k]! >= 1) this.conflicts++;
      this.want[k]!++;
    }
    this.slotOf[s] = t;
    if (unpinned) this.members[t] = withAdded(this.members[t]!, s);
  }

  remove(s: number): void {
    const t = this.slotOf[s]!;
    const { attendees } = this.sessions[s]!;
    const S = this.slotCount;
    for (let i = 0; i < attendees.length; i++) {
      const k = attendees[i]! * S + t;
      this.want[k]!--;
      if (this.want[k]! >= 1) this.conflicts--;
    }
    this.slotOf[s] = -1;
    this.members[t] = this.members[t]!.filter((x) => x !== s);
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  restore(slotOf: Int32Array): void {
    for (let s = 0; s < slotOf.length; s++) {
      if (this.sessions[s]!.pin) continue;
      if (this.slotOf[s] !== -1) this.remove(s);
    }
    for (let s = 0; s < slotOf.length; s++) {
      if (this.sessions[s]!.pin || slotOf[s] === -1) continue;
      this.add(s, slotOf[s]!);
    }
  }

  /** Placed unpinned sessions, most popular first. */
  placedUnpinned(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.sessions.length; s++) if (this.slotOf[s] !== -1 && !this.sessions[s]!.pin) out.push(s);
    return out;
  }
}

function withAdded(list: number[], s: number): number[] {
  const out = list.slice();
  let i = out.length;
  while (i > 0 && out[i - 1]! > s) i--;
  out.splice(i, 0, s);
  return out;
}

function withReplaced(list: number[], old: number, s: number): number[] {
  return withAdded(
    list.filter((x) => x !== old),
    s,
  );
}

/**
 * Puts unplaced s into the grid: into the feasible slot adding the fewest conflicts, or else
 * by moving one placed session to another slot to make way. Returns whether it worked.
 */
function insert(grid: Grid, s: number): boolean {
  let best = -1;
  let bestKey: [number, number] = [Infinity, 0];
  for (let t = 0; t < grid.slotCount; t++) {
    if (!grid.canHold(t, withAdded(grid.members[t]!, s))) continue;
    const key: [number, number] = [grid.addDelta(s, t), -(grid.freeCaps[t]!.length - grid.members[t]!.length)];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = t;
      bestKey = key;
    }
  }
  if (best >= 0) {
    grid.add(s, best);
    return true;
  }
  // Make way: move v from t to t2, then s into t.
  let way: { v: number; t: number; t2: number } | null = null;
  let wayCost = Infinity;
  for (let t = 0; t < grid.slotCount; t++) {
    for (const v of grid.members[t]!) {
      if (!grid.canHold(t, withReplaced(grid.members[t]!, v, s))) continue;
      for (let t2 = 0; t2 < grid.slotCount; t2++) {
        if (t2 === t || !grid.canHold(t2, withAdded(grid.members[t2]!, v))) continue;
        const before = grid.conflicts;
        grid.remove(v);
        grid.add(v, t2);
        const cost = grid.conflicts - before + grid.addDelta(s, t);
        grid.remove(v);
        grid.add(v, t);
        if (cost < wayCost) {
          wayCost = cost;
          way = { v, t, t2 };
        }
      }
    }
  }
  if (!way) return false;
  grid.remove(way.v);
  grid.add(way.v, way.t2);
  grid.add(s, way.t);
  return true;
}

/** Hill climbing: best improving move or swap per session, until none improves or the budget is spent. */
function localSearch(grid: Grid, budget: number): void {
  let improved = true;
  while (improved && grid.work < budget) {
    improved = false;
    for (const s of grid.placedUnpinned()) {
      if (grid.work >= budget) return;
      const a = grid.slotOf[s]!;
      if (a < 0) continue;
      const out = grid.removeDelta(s, a);
      let bestDelta = 0;
      let best: { b: number; u: number } | null = null; // u = -1: plain move
      for (let b = 0; b < grid.slotCount; b++) {
        if (b === a) continue;
        const delta = grid.addDelta(s, b) - out;
        if (delta < bestDelta && grid.canHold(b, withAdded(grid.members[b]!, s))) {
          bestDelta = delta;
          best = { b, u: -1 };
        }
        for (const u of grid.members[b]!) {
          const swap = grid.swapDelta(s, a, u, b);
          if (swap < bestDelta && grid.canHold(a, withReplaced(grid.members[a]!, s, u)) && grid.canHold(b, withReplaced(grid.members[b]!, u, s))) {
            bestDelta = swap;
            best = { b, u };
          }
        }
      }
      if (!best) continue;
      grid.remove(s);
      if (best.u >= 0) {
        grid.remove(best.u);
        grid.add(best.u, a);
      }
      grid.add(s, best.b);
      improved = true;
    }
  }
}

/** A few random feasible moves or swaps, whatever they cost. */
function kick(grid: Grid, random: () => number): void {
  const placed = grid.placedUnpinned();
  if (placed.length === 0 || grid.slotCount < 2) return;
  let done = 0;
  for (let attempt = 0; attempt < 30 && done < 3; attempt++) {
    const s = placed[Math.floor(random() * placed.length)]!;
    const a = grid.slotOf[s]!;
    const b = (a + 1 + Math.floor(random() * (grid.slotCount - 1))) % grid.slotCount;
    const there = grid.members[b]!;
    if (there.length > 0 && random() < 0.7) {
      const u = there[Math.floor(random() * there.length)]!;
      if (!grid.canHold(a, withReplaced(grid.members[a]!, s, u)) || !grid.canHold(b, withReplaced(there, u, s))) continue;
      grid.remove(s);
      grid.remove(u);
      grid.add(u, a);
      grid.add(s, b);
    } else {
      if (!grid.canHold(b, withAdded(there, s))) continue;
      grid.remove(s);
      grid.add(s, b);
    }
    done++;
  }
}

/** Iterated local search from the current state until grid.work reaches `budget`; ends in the best state seen. */
function optimise(grid: Grid, random: () => number, kicks: number, budget: number): void {
  localSearch(grid, budget);
  let best = grid.snapshot();
  let bestConflicts = grid.conflicts;
  for (let k = 0; k < kicks && grid.work < budget && bestConflicts > 0; k++) {
    kick(grid, random);
    localSearch(grid, budget);
    if (grid.conflicts < bestConflicts) {
      best = grid.snapshot();
      bestConflicts = grid.conflicts;
    } else {
      grid.restore(best);
    }
  }
}

/**
 * Unplaced sessions, most popular first: inserted where possible, else put in the cell of the
 * least popular placed session they can replace (which becomes unplaced and gets its own turn
 * later in the same pass). Returns whether anything changed.
 */
function promote(grid: Grid): boolean {
  let changed = false;
  for (let s = 0; s < grid.sessions.length; s++) {
    if (grid.slotOf[s] !== -1 || grid.sessions[s]!.pin) continue;
    if (insert(grid, s)) {
      changed = true;
      continue;
    }
    for (let v = grid.sessions.length - 1; v > s; v--) {
      const t = grid.slotOf[v]!;
      if (t < 0 || grid.sessions[v]!.pin) continue;
      if (!grid.canHold(t, withReplaced(grid.members[t]!, v, s))) continue;
      grid.remove(v);
      grid.add(s, t);
      changed = true;
      break;
    }
  }
  return changed;
}

/** Draft plan: see the comment at the top of this file. Throws on duplicate room, slot or session ids. */
export function draftPlan(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const { rooms: inputRooms, slots, sessions: inputSessions } = input;
  for (const [kind, list] of [['room', inputRooms], ['slot', slots], ['session', inputSessions]] as const) {
    const ids = new Set(list.map((x) => x.id));
    if (ids.size !== list.length) throw new Error(`draftPlan: duplicate ${kind} id`);
  }
  // Rooms biggest first; sessions most popular first (ties by id).
  const rooms = [...inputRooms].sort((a, b) => b.capacity - a.capacity || byId(a.id, b.id));
  const roomIndex = new Map(rooms.map((room, r) => [room.id, r]));
  const slotIndex = new Map(slots.map((slot, t) => [slot.id, t]));
  const people = new Map<string, number>();
  const person = (id: string) => {
    let p = people.get(id);
    if (p === undefined) people.set(id, (p = people.size));
    return p;
  };
  const ignoredPins: string[] = [];
  const sessions: Sess[] = inputSessions
    .map((session) => {
      const attendees = new Set([...session.interestedIds, ...session.hostIds]);
      let pin: Sess['pin'] = null;
      if (session.fixed) {
        const room = roomIndex.get(session.fixed.roomId);
        const slot = slotIndex.get(session.fixed.slotId);
        if (room === undefined || slot === undefined) ignoredPins.push(session.id);
        else pin = { room, slot };
      }
      return {
        id: session.id,
        size: attendees.size,
        attendees: Int32Array.from([...attendees].sort(byId), person),
        hosts: Int32Array.from([...new Set(session.hostIds)].sort(byId), person),
        pin,
      };
    })
    .sort((a, b) => b.size - a.size || byId(a.id, b.id));

  const grid = new Grid(sessions, rooms, slots.length, people.size);
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const kicks = options.kicks ?? DEFAULT_KICKS;
  const budget = options.workBudget ?? DEFAULT_WORK_BUDGET;

  for (let s = 0; s < sessions.length; s++) if (!sessions[s]!.pin) insert(grid, s);
  // Most of the budget for the first search, the rest shared by the promotion rounds.
  optimise(grid, random, kicks, budget * 0.6);
  for (let round = 0; round < MAX_ROUNDS && promote(grid); round++) optimise(grid, random, kicks, grid.work + (budget * 0.4) / MAX_ROUNDS);

  const placements: Placement[] = [];
  const unplaced: PlanResult['unplaced'] = [];
  for (let t = 0; t < grid.slotCount; t++) {
    const cells: [number, number][] = grid.pinned[t]!.map((s) => [sessions[s]!.pin!.room, s]);
    grid.members[t]!.forEach((s, rank) => cells.push([grid.freeRooms[t]![rank]!, s]));
    cells.sort((x, y) => x[0] - y[0] || byId(sessions[x[1]]!.id, sessions[y[1]]!.id));
    for (const [r, s] of cells) placements.push({ sessionId: sessions[s]!.id, roomId: rooms[r]!.id, slotId: slots[t]!.id });
  }
  sessions.forEach((session, s) => {
    if (grid.slotOf[s] !== -1) return;
    let roomsFit = false;
    for (let t = 0; t < grid.slotCount && !roomsFit; t++) roomsFit = grid.roomsFit(t, withAdded(grid.members[t]!, s));
    unplaced.push({ sessionId: session.id, reason: roomsFit ? 'host_conflict' : 'no_room' });
  });

  const result: PlanResult = { placements, unplaced, participantConflicts: countParticipantConflicts(inputSessions, placements) };
  if (ignoredPins.length > 0) result.ignoredPins = ignoredPins.sort(byId);
  return result;
}
