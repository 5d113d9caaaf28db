// Korean glossary: the one word per concept (see ../glossary.ts), in the register of a formal
// report (합니다체, 귀사).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "마일스톤", avoid: ["이정표"] },
  outcome: { term: "성과", avoid: ["아웃컴"] },
  deliverable: { term: "산출물", avoid: ["납품물"] },
  handover: { term: "인수인계", avoid: ["핸드오버", "이양"] },
  health: { term: "종합 현황", avoid: ["건전성", "헬스"] },
  "status.green": { term: "정상 진행", avoid: [] },
  "status.yellow": { term: "주의 필요", avoid: [] },
  "status.red": { term: "계획 이탈", avoid: ["위험 상태"] },
  delayed: { term: "지연", avoid: [] },
  value: { term: "가치", avoid: ["효익"] },
  cost: { term: "비용", avoid: ["코스트"] },
  roi: { term: "투자수익률", avoid: ["투자 대비 수익률"] },
  payback: { term: "투자 회수", avoid: ["손익분기", "페이백"] },
  runRate: { term: "연간 환산 가치", avoid: ["런레이트"] },
  decision: { term: "의사결정", avoid: ["결정 사항"] },
  action: {
    term: "실행",
    avoid: ["약속"],
    why: "실행 계획 and 실행 과제 are the words of Korean account plans; 약속 reads as a personal promise.",
  },
  engagement: { term: "프로젝트", avoid: ["인게이지먼트"] },
} satisfies Glossary;
