/** A modal as the fake holds it: the latest view Slack would show under that id. */
export type FakeView = {
  id: string;
  hash: string;
  triggerId?: string;
  view: Record<string, unknown>;
  /** Set by the test (closeView) when the person submits or dismisses the modal. */
  closed?: boolean;
};

/**
 * Slack's views.* for the fake: modals opened, pushed and updated (by view_id or external_id,
 * refused on a stale hash as Slack does), and each user's latest published Home tab.
 */
export class FakeViews {
  readonly views: FakeView[] = [];
  readonly homes = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly nextId: () => string,
    private readonly teamId: () => string,
  ) {}

  apply(method: string, args: Record<string, unknown>): unknown {
    const view = (args.view ?? {}) as Record<string, unknown>;
    switch (method) {
      case 'views.open':
      case 'views.push': {
        const stored: FakeView = { id: `V${this.nextId()}`, hash: this.hash(), view };
        if (args.trigger_id) stored.triggerId = String(args.trigger_id);
        this.views.push(stored);
        return { ok: true, view: this.answer(stored) };
      }
      case 'views.update': {
        const stored = this.find(args);
        if (!stored) return { ok: false, error: 'not_found' };
        if (args.hash && args.hash !== stored.hash) return { ok: false, error: 'hash_conflict' };
        stored.view = view;
        stored.hash = this.hash();
        return { ok: true, view: this.answer(stored) };
      }
      case 'views.publish': {
        this.homes.set(String(args.user_id), view);
        return { ok: true, view: { ...view, id: `V${this.nextId()}`, team_id: this.teamId(), hash: this.hash() } };
      }
      default:
        return undefined;
    }
  }

  /** The live view with this id or external_id. */
  find(args: { view_id?: unknown; external_id?: unknown }): FakeView | undefined {
    if (args.view_id) return this.views.find((v) => v.id === args.view_id);
    if (args.external_id) return this.views.findLast((v) => v.view.external_id === args.external_id);
    return undefined;
  }

  private answer(stored: FakeView): Record<string, unknown> {
    return { state: { values: {} }, ...stored.view, id: stored.id, team_id: this.teamId(), hash: stored.hash };
  }

  // Slack's hash changes with every version of a view; views.update with an old one fails.
  private hash(): string {
    return `${Date.now()}.${this.nextId()}`;
  }
}
