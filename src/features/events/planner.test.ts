import { describe, it, expect } from 'vitest';
import {
  checkPlan,
  countParticipantConflicts,
  draftPlan,
  mulberry32,
  sessionSize,
  type Placement,
  type PlanInput,
  type PlanResult,
  type PlanRoom,
  type PlanSession,
} from './planner.js';

const session = (id: string, hostIds: string[], interested: number | string[], fixed?: PlanSession['fixed']): PlanSession => ({
  id,
  hostIds,
  interestedIds: typeof interested === 'number' ? Array.from({ length: interested }, (_, i) => `${id}-fan${i}`) : interested,
  ...(fixed ? { fixed } : {}),
});
const slotsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}` }));
const where = (result: PlanResult, sessionId: string) => result.placements.find((p) => p.sessionId === sessionId);

describe('draftPlan: small cases', () => {
  it('keeps a host out of two sessions in one slot', () => {
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 50 }, { id: 'b', capacity: 50 }],
      slots: slotsOf(2),
      sessions: [session('s1', ['hanna'], 30), session('s2', ['hanna'], 20), session('s3', ['otto'], 10)],
    };
    const result = draftPlan(input);
    expect(checkPlan(input, result.placements)).toEqual([]);
    expect(result.placements).toHaveLength(3);
    expect(where(result, 's1')!.slotId).not.toBe(where(result, 's2')!.slotId);
  });

  it('reports host_conflict when the only free cells clash with the host', () => {
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 50 }, { id: 'b', capacity: 50 }],
      slots: slotsOf(1),
      sessions: [session('s1', ['hanna'], 30), session('s2', ['hanna'], 20)],
    };
    const result = draftPlan(input);
    expect(result.placements.map((p) => p.sessionId)).toEqual(['s1']);
    expect(result.unplaced).toEqual([{ sessionId: 's2', reason: 'host_conflict' }]);
  });

  it("leaves a session too big for every room unplaced with 'no_room'", () => {
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 40 }, { id: 'b', capacity: 25 }],
      slots: slotsOf(2),
      sessions: [session('huge', ['hanna'], 41), session('s2', ['otto'], 20)],
    };
    const result = draftPlan(input);
    expect(result.unplaced).toEqual([{ sessionId: 'huge', reason: 'no_room' }]);
    expect(result.placements.map((p) => p.sessionId)).toEqual(['s2']);
    expect(checkPlan(input, result.placements)).toEqual([]);
  });

  it('counts hosts who are not interested in the expected size', () => {
    const s = session('s', ['hanna', 'otto'], ['otto', 'ida']);
    expect(sessionSize(s)).toBe(3);
    const input: PlanInput = { rooms: [{ id: 'small', capacity: 2 }], slots: slotsOf(1), sessions: [s] };
    expect(draftPlan(input).unplaced).toEqual([{ sessionId: 's', reason: 'no_room' }]);
  });

  it('gives the most popular session of a slot the biggest room', () => {
    const input: PlanInput = {
      rooms: [{ id: 'small', capacity: 30 }, { id: 'big', capacity: 150 }, { id: 'mid', capacity: 80 }],
      slots: slotsOf(1),
      sessions: [session('few', ['a'], 10), session('many', ['b'], 100), session('some', ['c'], 20)],
    };
    const result = draftPlan(input);
    expect(where(result, 'many')!.roomId).toBe('big');
    expect(where(result, 'some')!.roomId).toBe('mid');
    expect(where(result, 'few')!.roomId).toBe('small');
  });

  it('leaves out the least popular sessions when the grid is full', () => {
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 100 }, { id: 'b', capacity: 100 }],
      slots: slotsOf(2),
      sessions: [10, 50, 20, 40, 30, 5].map((n, i) => session(`s${i}`, [`h${i}`], n)),
    };
    const result = draftPlan(input);
    expect(result.placements.map((p) => p.sessionId).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(result.unplaced).toEqual([
      { sessionId: 's0', reason: 'no_room' },
      { sessionId: 's5', reason: 'no_room' },
    ]);
  });

  it('moves a placed session to make way for one blocked by its host', () => {
    // Shared audiences send s2 and s3 to t2; s4 shares host x with s1 in t1, so one of s2/s3 must move.
    const fans = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 50 }, { id: 'b', capacity: 50 }],
      slots: slotsOf(2),
      sessions: [
        session('s1', ['x'], fans('p', 29)),
        session('s2', ['y'], [...fans('p', 10), ...fans('q', 9)]),
        session('s3', ['z'], [...fans('p', 20).slice(10), ...fans('r', 4)]),
        session('s4', ['x'], fans('u', 9)),
      ],
    };
    const result = draftPlan(input);
    expect(result.unplaced).toEqual([]);
    expect(where(result, 's4')!.slotId).toBe('t2');
    expect(checkPlan(input, result.placements)).toEqual([]);
    expect(result.participantConflicts).toBe(10);
  });

  it('keeps fixed placements, even in a small room, and plans around them', () => {
    const input: PlanInput = {
      rooms: [{ id: 'big', capacity: 100 }, { id: 'small', capacity: 40 }],
      slots: slotsOf(2),
      sessions: [
        session('pinned', ['hanna'], 30, { roomId: 'small', slotId: 't2' }),
        session('popular', ['otto'], 90),
        session('other', ['hanna'], 35),
        session('third', ['ida'], 20),
      ],
    };
    const result = draftPlan(input);
    expect(where(result, 'pinned')).toEqual({ sessionId: 'pinned', roomId: 'small', slotId: 't2' });
    // 'other' shares the pinned session's host, so it cannot run in t2.
    expect(where(result, 'other')!.slotId).toBe('t1');
    expect(checkPlan(input, result.placements)).toEqual([]);
    expect(result.placements).toHaveLength(4);
  });

  it('plans a session freely when its pin names an unknown room', () => {
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 50 }],
      slots: slotsOf(1),
      sessions: [session('s', ['hanna'], 5, { roomId: 'gone', slotId: 't1' })],
    };
    const result = draftPlan(input);
    expect(result.placements).toEqual([{ sessionId: 's', roomId: 'a', slotId: 't1' }]);
    expect(result.ignoredPins).toEqual(['s']);
  });

  it('spreads sessions with shared interest over different slots', () => {
    const fans = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const input: PlanInput = {
      rooms: [{ id: 'a', capacity: 50 }, { id: 'b', capacity: 50 }],
      slots: slotsOf(2),
      sessions: [session('x1', ['h1'], fans), session('x2', ['h2'], fans), session('y1', ['h3'], 5), session('y2', ['h4'], 5)],
    };
    const result = draftPlan(input);
    expect(where(result, 'x1')!.slotId).not.toBe(where(result, 'x2')!.slotId);
    expect(result.participantConflicts).toBe(0);
  });

  it('handles an empty grid and no sessions', () => {
    expect(draftPlan({ rooms: [], slots: [], sessions: [session('s', ['h'], 1)] }).unplaced).toEqual([{ sessionId: 's', reason: 'no_room' }]);
    expect(draftPlan({ rooms: [{ id: 'a', capacity: 1 }], slots: slotsOf(1), sessions: [] })).toEqual({ placements: [], unplaced: [], participantConflicts: 0 });
  });

  it('rejects duplicate ids', () => {
    expect(() => draftPlan({ rooms: [], slots: [], sessions: [session('s', ['h'], 1), session('s', ['h'], 1)] })).toThrow(/duplicate session/);
  });
});

describe('countParticipantConflicts', () => {
  it('counts each extra wanted session per participant and slot, hosts included', () => {
    const sessions = [session('a', ['h'], ['p', 'q']), session('b', ['p'], ['q']), session('c', ['x'], ['p', 'h'])];
    const all = (slot: string): Placement[] => sessions.map((s, i) => ({ sessionId: s.id, roomId: `r${i}`, slotId: slot }));
    // One slot: p wants a, b, c (2 extra); q wants a, b (1); h wants a, c (1).
    expect(countParticipantConflicts(sessions, all('t1'))).toBe(4);
    expect(
      countParticipantConflicts(sessions, [
        { sessionId: 'a', roomId: 'r', slotId: 't1' },
        { sessionId: 'b', roomId: 'r', slotId: 't2' },
        { sessionId: 'c', roomId: 'r', slotId: 't3' },
      ]),
    ).toBe(0);
  });
});

describe('checkPlan', () => {
  const input: PlanInput = {
    rooms: [{ id: 'big', capacity: 100 }, { id: 'small', capacity: 10 }],
    slots: slotsOf(2),
    sessions: [
      session('a', ['hanna'], 20),
      session('b', ['hanna'], 5),
      session('c', ['otto'], 5),
      session('d', ['ida'], 5, { roomId: 'small', slotId: 't1' }),
      session('e', ['emil'], 5, { roomId: 'small', slotId: 't2' }),
    ],
  };

  it('accepts a valid plan', () => {
    const plan: Placement[] = [
      { sessionId: 'a', roomId: 'big', slotId: 't1' },
      { sessionId: 'd', roomId: 'small', slotId: 't1' },
      { sessionId: 'b', roomId: 'big', slotId: 't2' },
      { sessionId: 'e', roomId: 'small', slotId: 't2' },
    ];
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it('reports each violated constraint', () => {
    const plan: Placement[] = [
      { sessionId: 'a', roomId: 'small', slotId: 't1' }, // too small; d is pinned here
      { sessionId: 'd', roomId: 'small', slotId: 't1' },
      { sessionId: 'b', roomId: 'big', slotId: 't1' }, // hanna hosts a and b in t1
      { sessionId: 'c', roomId: 'big', slotId: 't2' },
      { sessionId: 'c', roomId: 'big', slotId: 't2' }, // twice, and double booking
      { sessionId: 'zz', roomId: 'nowhere', slotId: 't9' },
      // e is pinned but missing
    ];
    const problems = checkPlan(input, plan);
    const codes = problems.map((p) => p.split(':')[0]);
    expect(new Set(codes)).toEqual(
      new Set(['unknown_session', 'unknown_room', 'unknown_slot', 'over_capacity', 'room_double_booked', 'placed_twice', 'host_conflict', 'fixed_missing']),
    );
    expect(problems).toContain('over_capacity: session "a" expects 21 people, room "small" holds 10');
    expect(problems).toContain('host_conflict: host "hanna" runs sessions "a", "b" in slot "t1"');
    expect(problems).toContain('room_double_booked: room "small" in slot "t1" holds sessions "a", "d"');
    expect(problems).toContain('placed_twice: session "c" is placed 2 times');
    expect(problems).toContain('fixed_missing: session "e" is pinned to room "small" in slot "t2" but not placed');
  });

  it('reports a moved pin and duplicate ids', () => {
    const plan: Placement[] = [{ sessionId: 'd', roomId: 'big', slotId: 't2' }];
    expect(checkPlan(input, plan)).toContain('fixed_moved: session "d" is pinned to room "small" in slot "t1" but placed elsewhere');
    expect(checkPlan({ ...input, rooms: [...input.rooms, { id: 'big', capacity: 1 }] }, [])).toContain('duplicate_id: room "big" appears more than once');
  });
});

// ---------------------------------------------------------------------------------------------
// Generated barcamps

interface Barcamp extends PlanInput {
  participants: number;
}

/**
 * A realistic barcamp: 500 participants, each interested in 3–8 sessions picked with a skewed
 * (Zipf-like) popularity, so a few sessions draw a crowd and many stay small; each session has
 * a host, some a co-host, and some hosts run two sessions. Room order in the input is shuffled.
 */
function generateBarcamp(seed: number, sessionCount = 60, participants = 500): Barcamp {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const people = Array.from({ length: participants }, (_, i) => `p${String(i).padStart(3, '0')}`);
  const ids = Array.from({ length: sessionCount }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  // Popularity weights by rank, given to the sessions in random order.
  const order = ids.map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key);
  const weight = new Map(order.map(({ id }, rank) => [id, 1 / (rank + 8)]));
  const interested = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const person of people) {
    const k = 3 + Math.floor(random() * 6);
    const chosen = new Set<string>();
    while (chosen.size < k) {
      let total = 0;
      for (const id of ids) if (!chosen.has(id)) total += weight.get(id)!;
      let x = random() * total;
      for (const id of ids) {
        if (chosen.has(id)) continue;
        x -= weight.get(id)!;
        if (x <= 0) {
          chosen.add(id);
          break;
        }
      }
      if (x > 0) chosen.add(ids.filter((id) => !chosen.has(id)).at(-1)!); // rounding
    }
    for (const id of chosen) interested.get(id)!.push(person);
  }
  const hosts: string[][] = [];
  const sessions: PlanSession[] = ids.map((id, i) => {
    const host = i > 0 && random() < 0.15 ? pick(hosts.slice(0, i))[0]! : pick(people); // some host twice
    const sessionHosts = random() < 0.2 ? [host, pick(people)] : [host];
    hosts.push(sessionHosts);
    return { id, hostIds: [...new Set(sessionHosts)], interestedIds: interested.get(id)! };
  });
  const rooms: PlanRoom[] = [
    { id: 'r060', capacity: 60 },
    { id: 'r150', capacity: 150 },
    { id: 'r030', capacity: 30 },
    { id: 'r100', capacity: 100 },
    { id: 'r040', capacity: 40 },
    { id: 'r080', capacity: 80 },
  ];
  return { rooms, slots: slotsOf(6), sessions, participants };
}

/** Naive plan: sessions by popularity filled row by row (slot 1 gets the top six, biggest room first). */
function naiveRowByRow(input: PlanInput): Placement[] {
  const rooms = [...input.rooms].sort((a, b) => b.capacity - a.capacity);
  const sessions = [...input.sessions].sort((a, b) => sessionSize(b) - sessionSize(a) || (a.id < b.id ? -1 : 1));
  return sessions.slice(0, rooms.length * input.slots.length).map((s, i) => ({
    sessionId: s.id,
    roomId: rooms[i % rooms.length]!.id,
    slotId: input.slots[Math.floor(i / rooms.length)]!.id,
  }));
}

/** Another baseline: popularity round robin over the slots (each slot gets one of the top six, …). */
function naiveRoundRobin(input: PlanInput): Placement[] {
  const rooms = [...input.rooms].sort((a, b) => b.capacity - a.capacity);
  const sessions = [...input.sessions].sort((a, b) => sessionSize(b) - sessionSize(a) || (a.id < b.id ? -1 : 1));
  const S = input.slots.length;
  return sessions.slice(0, rooms.length * S).map((s, i) => ({ sessionId: s.id, roomId: rooms[Math.floor(i / S)]!.id, slotId: input.slots[i % S]!.id }));
}

/** Whether sessions fit rooms (both by size, biggest first) with all hosts apart. */
function slotFeasible(sessions: PlanSession[], capacities: number[]): boolean {
  const sizes = sessions.map(sessionSize).sort((a, b) => b - a);
  const caps = [...capacities].sort((a, b) => b - a);
  if (sizes.length > caps.length || sizes.some((size, i) => size > caps[i]!)) return false;
  const hosts = sessions.flatMap((s) => s.hostIds);
  return new Set(hosts).size === hosts.length;
}

/** Most sessions the cells can take by size alone (ascending matching of sizes to capacities). */
function maxPlaceableBySize(input: PlanInput): number {
  const caps = input.slots.flatMap(() => input.rooms.map((r) => r.capacity)).sort((a, b) => a - b);
  const sizes = input.sessions.map(sessionSize).sort((a, b) => a - b);
  let placed = 0;
  for (const cap of caps) if (placed < sizes.length && sizes[placed]! <= cap) placed++;
  return placed;
}

describe('draftPlan: generated barcamps (60 sessions, 6 rooms × 6 slots, 500 participants)', () => {
  const seeds = [1, 2, 3, 42, 2024, 31337];

  for (const seed of seeds) {
    it(`seed ${seed}: valid, full, most popular first, fewer conflicts than naive plans`, () => {
      const input = generateBarcamp(seed);
      const started = performance.now();
      const result = draftPlan(input);
      const ms = performance.now() - started;

      // Hard constraints, via checkPlan and spelled out.
      expect(checkPlan(input, result.placements)).toEqual([]);
      const sessions = new Map(input.sessions.map((s) => [s.id, s]));
      const capacity = new Map(input.rooms.map((r) => [r.id, r.capacity]));
      for (const p of result.placements) expect(sessionSize(sessions.get(p.sessionId)!)).toBeLessThanOrEqual(capacity.get(p.roomId)!);
      for (const slot of input.slots) {
        const hosts = result.placements.filter((p) => p.slotId === slot.id).flatMap((p) => sessions.get(p.sessionId)!.hostIds);
        expect(new Set(hosts).size).toBe(hosts.length);
      }
      // Every session exactly once: placed or unplaced.
      const accounted = [...result.placements.map((p) => p.sessionId), ...result.unplaced.map((u) => u.sessionId)].sort();
      expect(accounted).toEqual(input.sessions.map((s) => s.id).sort());

      // All 36 cells filled when enough sessions fit by size.
      const cells = input.rooms.length * input.slots.length;
      expect(result.placements).toHaveLength(Math.min(cells, maxPlaceableBySize(input)));

      // Most popular first: no unplaced session could take the cell of a less popular placed one.
      const size = (id: string) => sessionSize(sessions.get(id)!);
      for (const u of result.unplaced) {
        for (const v of result.placements) {
          if (size(v.sessionId) > size(u.sessionId) || (size(v.sessionId) === size(u.sessionId) && v.sessionId < u.sessionId)) continue;
          const slotSessions = result.placements.filter((p) => p.slotId === v.slotId && p.sessionId !== v.sessionId).map((p) => sessions.get(p.sessionId)!);
          expect(slotFeasible([...slotSessions, sessions.get(u.sessionId)!], input.rooms.map((r) => r.capacity)), `${u.sessionId} could replace ${v.sessionId}`).toBe(false);
        }
      }

      // Popular sessions in big rooms: within a slot, room size follows popularity.
      for (const slot of input.slots) {
        const here = result.placements.filter((p) => p.slotId === slot.id).sort((a, b) => size(b.sessionId) - size(a.sessionId));
        const caps = here.map((p) => capacity.get(p.roomId)!);
        expect(caps).toEqual([...caps].sort((a, b) => b - a));
      }

      // Fewer participant conflicts than naive plans.
      expect(result.participantConflicts).toBe(countParticipantConflicts(input.sessions, result.placements));
      const rowByRow = countParticipantConflicts(input.sessions, naiveRowByRow(input));
      const roundRobin = countParticipantConflicts(input.sessions, naiveRoundRobin(input));
      expect(result.participantConflicts).toBeLessThan(rowByRow);
      expect(result.participantConflicts).toBeLessThanOrEqual(roundRobin);

      // Deterministic, whatever the order of the input.
      expect(draftPlan(input)).toEqual(result);
      expect(draftPlan({ ...input, sessions: [...input.sessions].reverse(), rooms: [...input.rooms].reverse() })).toEqual(result);

      const sizes = input.sessions.map(sessionSize).sort((a, b) => b - a);
      console.log(
        `seed ${seed}: ${result.placements.length} placed, ${result.unplaced.length} unplaced (${sizes.filter((n) => n > 150).length} bigger than any room); participant conflicts ${result.participantConflicts}` +
          ` (naive row by row ${rowByRow}, round robin ${roundRobin}); ${ms.toFixed(0)} ms; sizes top ${sizes.slice(0, 6).join('/')}, median ${sizes[30]}`,
      );
    });
  }

  it('keeps pins in a generated barcamp', () => {
    const input = generateBarcamp(7);
    const small = [...input.sessions].sort((a, b) => sessionSize(a) - sessionSize(b));
    // Pin two of the least popular sessions into the big room of the first two slots.
    small[0]!.fixed = { roomId: 'r150', slotId: 't1' };
    small[1]!.fixed = { roomId: 'r150', slotId: 't2' };
    const result = draftPlan(input);
    expect(checkPlan(input, result.placements)).toEqual([]);
    expect(where(result, small[0]!.id)).toEqual({ sessionId: small[0]!.id, roomId: 'r150', slotId: 't1' });
    expect(where(result, small[1]!.id)).toEqual({ sessionId: small[1]!.id, roomId: 'r150', slotId: 't2' });
    // The other 34 cells still take as many sessions as their sizes allow.
    const freeCaps = input.slots.flatMap((slot) => input.rooms.filter((r) => !(r.id === 'r150' && (slot.id === 't1' || slot.id === 't2'))).map((r) => r.capacity));
    const sizes = input.sessions.filter((s) => !s.fixed).map(sessionSize).sort((a, b) => a - b);
    let fit = 0;
    for (const cap of freeCaps.sort((a, b) => a - b)) if (fit < sizes.length && sizes[fit]! <= cap) fit++;
    expect(result.placements).toHaveLength(2 + fit);
  });
});
