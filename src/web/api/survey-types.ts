// The survey shapes, from the server's contract (types only). Kept beside types.ts so the Voice pages built in
// parallel do not all edit one file.
export type {
  AnswerBody,
  CreateWave,
  Invitation as SurveyInvitation,
  Questions as SurveyQuestions,
  Results as SurveyResults,
  TeamResult as SurveyTeamResult,
  UpdateWave,
  Wave as SurveyWave,
} from '../../modules/voice/surveys/contract.js';
