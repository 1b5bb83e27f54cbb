/** What a tool call returns to the model. `endsTurn`: the agent now waits for the outside world. */
export type ToolOutcome = {
  ok: boolean;
  result: unknown;
  endsTurn?: boolean /** The executor wrote its TOOL_RESULT step itself, in the transaction of its effect. */;
  recorded?: boolean;
};
