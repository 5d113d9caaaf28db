// The figures of issue 11's optional data, assembled after the core report: each is null when its data is absent.
import type { CustomerData } from "../schema.ts";
import {
  actionPlan,
  adoption,
  contractFigures,
  healthTrend,
  stakeholderMap,
  support,
  type Actions,
  type AdoptionMeasure,
  type Contract,
  type HealthTrend,
  type StakeholderFigures,
  type Support,
} from "./account.ts";
import { brief, type Brief, type BriefCore } from "./brief.ts";
import { postClose, referenceAsk, signoff, type PostClose, type ReferenceAsk, type Signoff } from "./closing.ts";
import type { Period } from "./dates.ts";
import type { LedgerEntry } from "./ledger.ts";
import { asCost } from "./ledger.ts";

/** report.json's account fields (see docs/data-contract.md): null where the data that fills them is absent. */
export interface AccountFigures {
  /** Page one's brief. */
  brief: Brief;
  /** contract of customer.json as of asOf. */
  contract: Contract | null;
  /** The usage table's measures. */
  adoption: AdoptionMeasure[] | null;
  /** The support table's periods. */
  support: Support | null;
  /** The actions table: mutual action plan and last quarter's scorecard. */
  actions: Actions | null;
  /** Stakeholders with influence, sentiment and change since the last QBR. */
  stakeholderMap: StakeholderFigures[] | null;
  /** The health table's earlier quarters and this one. */
  healthTrend: HealthTrend | null;
  /** Close-out: the acceptance sign-off blocks. */
  signoff: Signoff | null;
  /** Close-out: the owner after close and the 30/60/90-day check-ins. */
  postClose: PostClose | null;
  /** Close-out: the reference or case-study ask. */
  reference: ReferenceAsk | null;
}

/** The account figures of `data` as of asOf, reading the core report's health, QBR, ROI and the cost ledger. */
export function accountFigures(
  data: CustomerData,
  core: BriefCore,
  ledger: readonly LedgerEntry[],
  asOf: string,
  period: Period | null,
): AccountFigures {
  const { customer } = data;
  const contract = contractFigures(customer, data.usage, asOf);
  const actions = actionPlan(data.actions, asOf, period, data.present.includes("actions"));
  return {
    brief: brief({ ...core, asOf, contract, actions, costs: ledger.map(asCost) }),
    contract,
    adoption: adoption(data.usage, asOf, period),
    support: support(data.support, asOf),
    actions,
    stakeholderMap: stakeholderMap(customer),
    healthTrend: healthTrend(data.health, period, core.health),
    signoff: customer.engagement.end ? signoff(customer, data.deliverables, asOf) : null,
    postClose: postClose(customer, asOf),
    reference: referenceAsk(customer),
  };
}
