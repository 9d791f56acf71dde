import { describe, expect, it } from "vitest";
import { phaseContextSchemas } from "./contexts.js";
import { Alert, alerts, HookPhase, hookPhases, isHookPhase, StateEvent, stateEvents } from "./events.js";
import { HookExecutor } from "./executor.js";
import type { AlertMessage, StateEventMessage } from "./executor-events.js";

describe("names", () => {
  it("has 14 phases, 7 state events and 6 alerts, each valued by its lower-case name", () => {
    for (const [constants, count] of [
      [HookPhase, 14],
      [StateEvent, 8],
      [Alert, 6],
    ] as const) {
      const entries = Object.entries(constants);
      expect(entries).toHaveLength(count);
      for (const [key, value] of entries) expect(value).toBe(key.toLowerCase());
    }
    expect(hookPhases).toHaveLength(14);
    expect(stateEvents).toHaveLength(8);
    expect(alerts).toHaveLength(6);
    expect(Object.keys(phaseContextSchemas).sort()).toEqual([...hookPhases].sort());
    expect(isHookPhase("before_execute")).toBe(true);
    expect(isHookPhase("before_lunch")).toBe(false);
  });
});

describe("state events and alerts", () => {
  it("reach listeners of their own name and of the catch-all channel, stamped by the clock", () => {
    const executor = new HookExecutor({ clock: { now: () => 42 } });
    const started: StateEventMessage[] = [];
    const states: StateEventMessage[] = [];
    const lockAlerts: AlertMessage[] = [];
    const allAlerts: AlertMessage[] = [];
    executor.on(StateEvent.MIGRATION_STARTED, (message) => started.push(message));
    executor.on("state", (message) => states.push(message));
    executor.on(Alert.LOCK_TIMEOUT_EXCEEDED, (message) => lockAlerts.push(message));
    executor.on("alert", (message) => allAlerts.push(message));

    executor.emit(StateEvent.MIGRATION_STARTED, { version: "20240101" });
    executor.emit(StateEvent.MIGRATION_COMPLETED);
    executor.alert(Alert.LOCK_TIMEOUT_EXCEEDED, { relation: "users", waitedMs: 5000 });
    executor.alert(Alert.PERFORMANCE_DEGRADED);

    expect(started).toEqual([{ event: "migration_started", at: 42, payload: { version: "20240101" } }]);
    expect(states.map((message) => message.event)).toEqual(["migration_started", "migration_completed"]);
    expect(lockAlerts).toEqual([{ alert: "lock_timeout_exceeded", at: 42, payload: { relation: "users", waitedMs: 5000 } }]);
    expect(allAlerts.map((message) => message.alert)).toEqual(["lock_timeout_exceeded", "performance_degraded"]);
  });

  it("stops delivering after off", () => {
    const executor = new HookExecutor();
    const received: string[] = [];
    const listener = (message: StateEventMessage) => received.push(message.event);
    executor.on(StateEvent.MIGRATION_PAUSED, listener);
    executor.emit(StateEvent.MIGRATION_PAUSED);
    executor.off(StateEvent.MIGRATION_PAUSED, listener);
    executor.emit(StateEvent.MIGRATION_PAUSED);
    expect(received).toEqual(["migration_paused"]);
  });
});
