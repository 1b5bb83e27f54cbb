/** Every slash command, callback, action and block id the app uses, in one place. */
export const COMMANDS = {
  hire: '/hire',
  candidate: '/candidate',
  pipeline: '/pipeline',
  interviews: '/interviews',
} as const;

export const ACTIONS = {
  advance: 'card_advance',
  reject: 'card_reject',
  rejectSubmit: 'card_reject_submit',
  /** The candidate withdrew (from the card, or confirming a withdrawal they wrote by email). */
  withdraw: 'card_withdraw',
  withdrawSubmit: 'card_withdraw_submit',
  /** The team decides a withdrawal Justin read in the candidate's mail was none. */
  notWithdrawal: 'card_not_withdrawal',
  markHired: 'card_mark_hired',
  rescheduleInterview: 'card_reschedule_interview',
  cancelInterview: 'card_cancel_interview',
  roleSubmit: 'role_submit',
  approveSlot: 'slots_approve_one',
  approveAllSlots: 'slots_approve_all',
  editSlots: 'slots_edit',
  cancelSlots: 'slots_cancel',
  editSlotsSubmit: 'slots_edit_submit',
  chooseIntakeRole: 'intake_choose_role',
  retryDocument: 'card_retry_document',
  viewDetails: 'card_view_details',
  proposeTimes: 'card_propose_times',
  /** A prefix: each swap button in a message needs its own action id (suffix: the person). */
  swapInterviewer: 'swap_interviewer',
  /** The team decides an email or booking the agent asked to make (role policy). */
  agentApprove: 'agent_approve',
  agentDecline: 'agent_decline',
  /** Opens the modal to answer the agent's question; its submission is agentAnswerSubmit. */
  agentAnswer: 'agent_answer',
  agentAnswerSubmit: 'agent_answer_submit',
  /** Stop / restart the agent for one candidate (kill switch on the card's thread). */
  agentStop: 'agent_stop',
  agentResume: 'agent_resume',
  /** An admin confirms erasing a candidate (/hire candidate erase). */
  eraseCandidate: 'candidate_erase',
  /** `/hire settings` (admins): the workspace's email signature. */
  workspaceSettingsSubmit: 'workspace_settings_submit',
  /** "My interviewing settings": the App Home button that opens the modal (as `/hire me` does), and its submission. */
  openInterviewerSettings: 'interviewer_settings_open',
  interviewerSettingsSubmit: 'interviewer_settings_submit',
  /** "Write scorecard" (value: the scorecard id) opens its modal; the modal saves a draft or submits. */
  writeScorecard: 'scorecard_write',
  scorecardSaveDraft: 'scorecard_save_draft',
  scorecardSubmit: 'scorecard_submit',
  /** "Read the scorecards" (value: the application id): those the clicker may read, in a modal. */
  readScorecards: 'scorecards_read',
  /** The debrief's Hold (value: the interview id); Advance and Reject are the card's own buttons. */
  debriefHold: 'debrief_hold',
  /** On a debrief shown without its substance (someone still owes a scorecard): the rest, to who may read it. */
  readDebrief: 'debrief_read',
  /** On the recruiter's late-scorecard message: hold the debrief without it (value: the interview id). */
  debriefWithout: 'debrief_without',
  /** The card's "Make offer" at the offer stage (value: `<applicationId>:<version>`); the modal submits offerSubmit. */
  makeOffer: 'offer_make',
  offerSubmit: 'offer_submit',
  /** "Edit offer" and "Send offer" (value: `<offerId>:<version>`). */
  editOffer: 'offer_edit',
  /** "View offer" on the offer's line in the thread (value: the offer id): the terms, privately. */
  viewOffer: 'offer_view',
  sendOffer: 'offer_send',
  /** An approver's buttons (value: `<approvalId>:<version>`); changes and rejection ask for a comment first. */
  offerApprove: 'offer_approve',
  offerRequestChanges: 'offer_request_changes',
  offerReject: 'offer_reject',
  offerDecisionSubmit: 'offer_decision_submit',
  /** Confirming the candidate's answer (value: `<offerId>:<emailMessageId>`); declined asks for the reason. */
  offerAccepted: 'offer_accepted',
  offerDeclined: 'offer_declined',
  offerNotAnswer: 'offer_not_answer',
  offerDeclineSubmit: 'offer_decline_submit',
  /** A prefix: "Previous page" / "Next page" under `/pipeline` (value: the page and the role filter). */
  pipelinePage: 'pipeline_page',
} as const;
