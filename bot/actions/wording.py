"""Everything the actions say, in English and Korean, in one place."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "hr_only_here": {
        "en": "This is the HR assistant. For questions about medicines, please use the Haneul app's chat or ask a pharmacist.",
        "ko": "이곳은 인사(HR) 상담 창입니다. 의약품 문의는 하늘약국 앱 상담이나 약사에게 해 주세요.",
    },
    "consumer_no_hr": {
        "en": "HR questions are answered in the employee HR chat after you sign in with your staff account.",
        "ko": "인사(HR) 문의는 직원 계정으로 로그인한 뒤 HR 상담 창에서 답변드립니다.",
    },
    "library_unreachable": {
        "en": "Sorry, I can't reach our leaflet library right now, so I can't answer safely. Please ask a pharmacist or try again in a moment.",
        "ko": "죄송합니다. 지금은 설명서 자료에 연결할 수 없어 안전하게 답변드릴 수 없습니다. 약사와 상담하시거나 잠시 후 다시 시도해 주세요.",
    },
    "which_medicine": {
        "en": "Which medicine are you asking about? You can tell me the brand or the ingredient, e.g. \"Tylenol\" or \"ibuprofen\".",
        "ko": "어떤 약에 대해 궁금하신가요? 제품명이나 성분명을 알려 주세요. 예: 타이레놀, 이부프로펜",
    },
    "ask_a_vet": {
        "en": "Our leaflets are for people, and human medicines can be dangerous for animals (ibuprofen, acetaminophen and naproxen are poisonous to dogs and cats). Please ask a vet before giving your pet any medicine.",
        "ko": "저희 설명서는 사람용 의약품 정보입니다. 사람 약은 동물에게 위험할 수 있어요(이부프로펜, 아세트아미노펜, 나프록센은 개와 고양이에게 독성이 있습니다). 반려동물에게 약을 주기 전에 꼭 수의사(동물병원)와 상담하세요.",
    },
    "store_not_found": {
        "en": "I couldn't find that in our store information. Please call your branch or ask in store — our staff will be glad to help.",
        "ko": "매장 안내 자료에서 해당 내용을 찾지 못했습니다. 가까운 지점에 전화하시거나 매장 직원에게 문의해 주세요.",
    },
    "source": {"en": "Source: {title} — \"{section}\"", "ko": "출처: {title} — '{section}'"},
    # ActionEmergency's reply when the gateway (which words emergencies) cannot be reached.
    "emergency_unreachable": {
        "en": "This could be an emergency: call your emergency number now (119 in Korea) or go to the nearest emergency room.",
        "ko": "응급 상황일 수 있습니다. 지금 바로 119에 전화하거나 가까운 응급실로 가세요.",
    },
    "handoff": {
        "en": "I'm passing this conversation to a pharmacist. A pharmacist answers here in the chat every day from 9:00 to 22:00; outside those hours, call any 24-hour branch (Gangnam, Hongdae or Busan Seomyeon).",
        "ko": "약사에게 상담을 연결해 드리겠습니다. 약사는 매일 09:00~22:00에 이 채팅에서 답변드립니다. 그 외 시간에는 24시간 지점(강남, 홍대, 부산 서면)으로 전화해 주세요.",
    },
    "ask_pharmacist_button": {"en": "Ask a pharmacist", "ko": "약사와 상담하기"},
    "did_you_mean": {
        "en": "Sorry, I'm not sure I understood. Did you mean:",
        "ko": "죄송합니다. 제가 잘 이해했는지 모르겠어요. 이런 뜻인가요?",
    },
    "something_else": {"en": "Something else", "ko": "다른 질문"},
    "out_of_scope": {
        "en": "Sorry, that's outside what I can help with. I answer questions about our medicines' leaflets (doses, children, pregnancy, side effects, storage) and about our stores (hours, branches, returns, prescription pick-up, delivery, points).",
        "ko": "죄송하지만 그 질문은 제가 도와드릴 수 없어요. 저는 의약품 설명서(용량, 어린이, 임신, 부작용, 보관)와 매장 안내(영업시간, 지점, 반품, 처방약 수령, 배송, 포인트)에 대해 답변드립니다.",
    },
    "hr_out_of_scope": {
        "en": "Sorry, I can't help with that here. As the HR assistant I can show your leave balance, request or cancel leave (full days, half days, 2-hour blocks, family event leave), find a colleague's work contacts, show your welfare points, ask HR for a certificate and answer questions from the HR handbook. For anything else, the HR helpdesk can help: hr@haneul-pharmacy.example, 02-6200-7570 (weekdays 09:00–18:00).",
        "ko": "죄송하지만 그 문의는 여기서 도와드리기 어려워요. HR 도우미는 휴가 잔여 조회, 휴가 신청·취소(연차, 반차, 반반차, 경조휴가), 직원 업무 연락처 찾기, 복지포인트 조회, 증명서 발급 요청, 인사 규정 안내를 도와드려요. 그 밖의 문의는 HR 헬프데스크(hr@haneul-pharmacy.example, 02-6200-7570, 평일 09:00~18:00)로 연락해 주세요.",
    },
    "cannot_help": {
        "en": "I'm sorry, I can't help with that. I can answer questions about our medicines' leaflets (doses, children, pregnancy, side effects, storage) and about our stores. For anything else, a pharmacist can help.",
        "ko": "죄송합니다. 그 질문에는 도움을 드리기 어렵습니다. 저는 의약품 설명서 내용(용량, 어린이, 임신, 부작용, 보관)과 매장 안내를 도와드릴 수 있어요. 그 밖의 문의는 약사가 도와드립니다.",
    },
    # --- employee HR assistant (bot/actions/hr/) -------------------------------------------
    "hr_unavailable": {
        "en": "Sorry, I can't reach the HR system right now. Please try again in a moment, or contact the HR helpdesk (hr@haneul-pharmacy.example, 02-6200-7570).",
        "ko": "죄송합니다. 지금은 인사 시스템에 연결할 수 없습니다. 잠시 후 다시 시도하시거나 HR 헬프데스크(hr@haneul-pharmacy.example, 02-6200-7570)에 문의해 주세요.",
    },
    "hr_type_annual": {"en": "annual leave", "ko": "연차"},
    "hr_type_sick": {"en": "sick leave", "ko": "병가"},
    "hr_type_family": {"en": "family care leave", "ko": "가족돌봄휴가"},
    "hr_status_pending": {"en": "pending", "ko": "승인 대기"},
    "hr_status_approved": {"en": "approved", "ko": "승인"},
    "hr_status_declined": {"en": "declined", "ko": "반려"},
    "hr_status_cancelled": {"en": "cancelled", "ko": "취소"},
    "hr_weekdays": {"en": "Mon Tue Wed Thu Fri Sat Sun", "ko": "월 화 수 목 금 토 일"},
    "hr_date": {"en": "{weekday} {day} {month} {year}", "ko": "{year}년 {month}월 {day}일({weekday})"},
    "hr_date_range": {"en": "{start} to {end}", "ko": "{start}부터 {end}까지"},
    "hr_days": {"en": "{days} working day(s)", "ko": "근무일 기준 {days}일"},
    "hr_balance_header": {"en": "Your leave balance for {year}:", "ko": "{year}년 휴가 잔여 현황입니다:"},
    "hr_balance_line": {
        "en": "• {type}: {remaining} of {entitled} day(s) left to request ({used} used, {pending} pending approval)",
        "ko": "• {type}: {entitled}일 중 {remaining}일 신청 가능 (사용 {used}일, 승인 대기 {pending}일)",
    },
    "hr_confirm": {
        "en": "Shall I request {type} for {dates} ({days})? {approver} will be asked to approve it.",
        "ko": "{dates}, {type}를 신청할까요? ({days}) 신청하면 {approver}님께 승인 요청이 전달됩니다.",
    },
    "hr_confirm_yes": {"en": "Yes, submit it", "ko": "네, 신청해 주세요"},
    "hr_confirm_no": {"en": "No", "ko": "아니요"},
    "hr_submitted": {
        "en": "Done: request #{id}, {type} for {dates} ({days}), is pending until {manager} decides. You can still request {remaining} day(s) of {type} in {year}.",
        "ko": "신청했습니다. 요청 #{id}: {dates} {type}({days}), {manager}님의 승인을 기다리고 있습니다. {year}년에 신청 가능한 {type}는 {remaining}일 남았습니다.",
    },
    "hr_your_manager": {"en": "your manager", "ko": "팀장"},
    "hr_refused": {"en": "I couldn't do that: {reason}", "ko": "처리하지 못했습니다. {reason}"},
    "hr_aborted": {
        "en": "OK, I haven't submitted anything.",
        "ko": "알겠습니다. 아무것도 신청하지 않았어요.",
    },
    "hr_submitted_no_balance": {
        "en": "Done: request #{id}, {type} for {dates} ({days}), is pending until {manager} decides. Family event leave does not use your annual leave.",
        "ko": "신청했습니다. 요청 #{id}: {dates} {type}({days}), {manager}님의 승인을 기다리고 있습니다. 경조휴가는 연차에서 차감되지 않습니다.",
    },
    "hr_form_unclear": {
        "en": "Sorry, I didn't get that for your leave request (say \"cancel\" to stop).",
        "ko": "죄송해요, 휴가 신청 내용으로 이해하지 못했어요. (그만두시려면 '취소'라고 해 주세요.)",
    },
    "hr_dates_unusable": {
        "en": "I can't use those dates: {reason}.",
        "ko": "그 날짜로는 신청할 수 없어요. ({reason})",
    },
    "hr_part_annual_only": {
        "en": "Half days and 2-hour blocks are for annual leave only, so this would be a full day.",
        "ko": "반차와 반반차는 연차로만 쓸 수 있어서, 이 휴가는 하루 단위로 신청됩니다.",
    },
    "hr_part_one_date": {
        "en": "A half day or a 2-hour block is on one date.",
        "ko": "반차와 반반차는 하루 날짜 하나로만 신청할 수 있어요.",
    },
    "hr_ask_event": {
        "en": "Which family event is it? (paid days per event, from the HR handbook)",
        "ko": "어떤 경조사인가요? (인사 규정집의 경조사별 유급 휴가 일수)",
    },
    "hr_points": {
        "en": "Your welfare points (복지포인트) for {year}: {balance} left of {granted} ({used} used).",
        "ko": "{year}년 복지포인트: {granted}점 중 {balance}점 남았습니다 ({used}점 사용).",
    },
    "hr_points_recent": {"en": "Most recent:", "ko": "최근 내역:"},
    "hr_points_rules": {
        "en": "The HR handbook does not set the yearly amount; for questions about welfare points, the HR helpdesk can help: hr@haneul-pharmacy.example, 02-6200-7570 (weekdays 09:00–18:00).",
        "ko": "인사 규정집에는 연간 지급액이 나와 있지 않습니다. 복지포인트 문의는 인사팀 헬프데스크로 해 주세요: hr@haneul-pharmacy.example, 02-6200-7570 (평일 09:00–18:00).",
    },
    "hr_points_line": {"en": "• {date}: {what} {amount}", "ko": "• {date}: {what} {amount}"},
    "hr_certificate_confirm": {
        "en": "Shall I ask HR to issue it for you? They prepare it and you'll see it in your requests.",
        "ko": "인사팀에 발급을 요청할까요? 인사팀이 준비하면 요청 내역에서 확인하실 수 있어요.",
    },
    "hr_certificate_yes": {"en": "Yes, request it", "ko": "네, 요청해 주세요"},
    "hr_certificate_no": {"en": "No", "ko": "아니요"},
    "hr_certificate_not_filed": {
        "en": "OK, I haven't requested anything.",
        "ko": "알겠습니다. 아무것도 요청하지 않았어요.",
    },
    "hr_certificate_filed": {
        "en": "Done: request #{id} is in HR's queue (pending).\n{what}",
        "ko": "요청했습니다. 요청 #{id}이(가) 인사팀 처리 대기 중입니다.\n{what}",
    },
    "hr_certificate_kind_employment": {"en": "employment certificate (재직증명서)",
                                       "ko": "재직증명서"},
    "hr_certificate_kind_income": {"en": "income tax withholding receipt (원천징수영수증)",
                                   "ko": "근로소득 원천징수영수증"},
    "hr_certificate_year": {"en": "tax year {year}", "ko": "{year}년 귀속"},
    "hr_certificate_latest_year": {"en": "the latest settled tax year",
                                   "ko": "가장 최근 정산된 연도"},
    "hr_certificate_language_en": {"en": "in English", "ko": "영문"},
    "hr_certificate_language_ko": {"en": "in Korean", "ko": "국문"},
    "hr_certificate_copies": {"en": "{copies} copy/copies", "ko": "{copies}부"},
    "hr_certificate_purpose": {"en": "purpose: {purpose}", "ko": "용도: {purpose}"},
    "hr_cancel_confirm": {"en": "Cancel this request?", "ko": "이 휴가 신청을 취소할까요?"},
    "hr_cancel_yes": {"en": "Yes, cancel it", "ko": "네, 취소해 주세요"},
    "hr_cancel_no": {"en": "No, keep it", "ko": "아니요, 그대로 둘게요"},
    "hr_cancel_kept": {
        "en": "OK, request #{id} stays as it is.",
        "ko": "알겠습니다. 요청 #{id}은(는) 그대로 둡니다.",
    },
    "hr_event_separate": {
        "en": "No: family event leave (경조휴가) is paid and separate from annual leave, so it does not use your annual leave days.",
        "ko": "아니요. 경조휴가는 유급이며 연차와 별도라서 연차에서 차감되지 않습니다.",
    },
    "hr_event_intro": {
        "en": "Family event leave (경조휴가) is paid and separate from annual leave:",
        "ko": "경조휴가는 유급이며 연차와 별도입니다:",
    },
    "hr_event_days": {
        "en": "• {event}: {days}, to be taken within {within} days of the event",
        "ko": "• {event}: {days}, 경조사일로부터 {within}일 이내 사용",
    },
    "hr_event_how": {
        "en": "To request it, say e.g. \"family event leave from Monday to Wednesday\".",
        "ko": "신청하시려면 예: '경조휴가 월요일부터 수요일까지'라고 말씀해 주세요.",
    },
    "hr_event_button": {"en": "{event} ({days})", "ko": "{event} ({days})"},
    "hr_list_header": {"en": "Your leave requests:", "ko": "내 휴가 신청 내역입니다:"},
    "hr_list_line": {"en": "• #{id} {type}, {dates} ({days}): {status}", "ko": "• #{id} {type}, {dates} ({days}): {status}"},
    "hr_list_empty": {"en": "You have no leave requests yet.", "ko": "아직 휴가 신청 내역이 없습니다."},
    "hr_cancel_which": {
        "en": "Which request should I cancel? Tell me its number:",
        "ko": "어떤 신청을 취소할까요? 번호를 알려 주세요:",
    },
    "hr_cancel_none": {
        "en": "You have no upcoming pending or approved leave that I could cancel.",
        "ko": "취소할 수 있는 예정된 휴가(승인 대기 또는 승인)가 없습니다.",
    },
    "hr_cancelled": {
        "en": "Cancelled request #{id} ({type}, {dates}). You can now request {remaining} day(s) of {type} in {year}.",
        "ko": "요청 #{id}({type}, {dates})를 취소했습니다. {year}년에 신청 가능한 {type}는 이제 {remaining}일입니다.",
    },
    "hr_cancelled_no_balance": {
        "en": "Cancelled request #{id} ({type}, {dates}).",
        "ko": "요청 #{id}({type}, {dates})를 취소했습니다.",
    },
    "hr_team_header": {"en": "Requests from your team waiting for your decision:", "ko": "결재를 기다리는 팀원 휴가 신청입니다:"},
    "hr_team_line": {"en": "• #{id} {name}: {type}, {dates} ({days})", "ko": "• #{id} {name}: {type}, {dates} ({days})"},
    "hr_team_hint": {"en": "Say e.g. \"approve {id}\" or \"decline {id}\".", "ko": "예: '{id}번 승인' 또는 '{id}번 반려'라고 말씀해 주세요."},
    "hr_team_empty": {"en": "No requests from your team are waiting for you.", "ko": "결재를 기다리는 팀원 휴가 신청이 없습니다."},
    "hr_not_manager": {
        "en": "Nobody reports to you in the HR system, so there are no team requests for you to decide.",
        "ko": "인사 시스템상 직속 팀원이 없어 결재할 휴가 신청이 없습니다.",
    },
    "hr_decide_which": {
        "en": "Which request do you mean? Tell me its number:",
        "ko": "어떤 신청인가요? 번호를 알려 주세요:",
    },
    "hr_decide_nothing": {
        "en": "I couldn't find a pending request from your team matching that.",
        "ko": "말씀하신 조건에 맞는 팀원의 승인 대기 신청을 찾지 못했습니다.",
    },
    "hr_approved": {"en": "Approved request #{id}: {name}, {type}, {dates}.", "ko": "요청 #{id}를 승인했습니다: {name}, {type}, {dates}."},
    "hr_declined": {"en": "Declined request #{id}: {name}, {type}, {dates}.", "ko": "요청 #{id}를 반려했습니다: {name}, {type}, {dates}."},
    "hr_directory_ask": {
        "en": "Who are you looking for? Tell me a name, or a branch, department or role.",
        "ko": "누구를 찾으세요? 이름이나 지점, 부서, 직무를 알려 주세요.",
    },
    "hr_directory_none": {
        "en": "I couldn't find anyone matching that in the staff directory.",
        "ko": "직원 연락처에서 일치하는 사람을 찾지 못했습니다.",
    },
    "hr_directory_header": {"en": "From the staff directory (work contacts):", "ko": "직원 연락처(업무용)에서 찾은 결과입니다:"},
    "hr_directory_line": {
        "en": "• {name_en} ({name_ko}), {role}, {branch}, {department}: {phone}, {email}",
        "ko": "• {name_ko} ({name_en}), {role}, {branch}, {department}: {phone}, {email}",
    },
    "hr_directory_more": {"en": "…and {count} more. Add a branch or department to narrow it down.", "ko": "…외 {count}명. 지점이나 부서를 함께 말씀해 주시면 좁혀 드릴게요."},
    "hr_policy_intro": {
        "en": "From the HR handbook, \"{title}\", \"{section}\":",
        "ko": "인사 규정집 '{title}' — '{section}' 부분입니다:",
    },
    "hr_policy_intro_english": {
        "en": "From the HR handbook, \"{title}\", \"{section}\":",
        "ko": "인사 규정집 '{title}' — '{section}' 부분의 원문(영문)입니다:",
    },
    "hr_policy_not_found": {
        "en": "I couldn't find that in the HR handbook, and I won't guess. The HR helpdesk can help: hr@haneul-pharmacy.example, 02-6200-7570 (weekdays 09:00–18:00).",
        "ko": "인사 규정집에서 해당 내용을 찾지 못했습니다. 추측해서 답하지 않겠습니다. HR 헬프데스크(hr@haneul-pharmacy.example, 02-6200-7570, 평일 09:00~18:00)에 문의해 주세요.",
    },
    "hr_help": {
        "en": "What would you like to do? I can show your leave balance, request or cancel leave, list your requests, show your team's requests, find a colleague's work contacts or answer HR policy questions.",
        "ko": "무엇을 도와드릴까요? 휴가 잔여 조회, 휴가 신청·취소, 신청 내역, 팀원 휴가 결재, 직원 연락처 찾기, 인사 규정 안내를 도와드릴 수 있어요.",
    },
    "hr_reason_past_date": {"en": "that date is in the past.", "ko": "지난 날짜는 신청할 수 없습니다."},
    "hr_reason_end_before_start": {"en": "the end date is before the start date.", "ko": "종료일이 시작일보다 앞서 있습니다."},
    "hr_reason_no_working_days": {"en": "those dates have no working days.", "ko": "해당 기간에 근무일이 없습니다."},
    "hr_reason_too_far_ahead": {"en": "that is too far ahead to request yet.", "ko": "아직 신청할 수 없는 먼 날짜입니다."},
    "hr_reason_overlap": {"en": "those dates overlap a request you already have.", "ko": "이미 신청한 휴가와 날짜가 겹칩니다."},
    "hr_reason_insufficient_balance": {"en": "you don't have enough days left for that.", "ko": "잔여 일수가 부족합니다."},
    "hr_reason_not_cancellable": {"en": "that request is already cancelled or declined.", "ko": "이미 취소되었거나 반려된 신청입니다."},
    "hr_reason_already_started": {"en": "that leave has already started; please ask HR.", "ko": "이미 시작된 휴가입니다. HR에 문의해 주세요."},
    "hr_reason_already_decided": {"en": "that request has already been decided.", "ko": "이미 결재가 끝난 신청입니다."},
    "hr_reason_not_found": {"en": "I can't find that request among yours.", "ko": "해당 번호의 신청을 찾을 수 없습니다."},
    "hr_reason_unparseable": {"en": "I can't read a date in that.", "ko": "날짜를 찾지 못했습니다."},
    "hr_reason_invalid_date": {"en": "that is not a real date.", "ko": "존재하지 않는 날짜입니다."},
    "hr_reason_separate_days": {"en": "those are separate days; please ask for one continuous period at a time.", "ko": "떨어진 날짜입니다. 연속된 기간으로 한 번에 하나씩 신청해 주세요."},
    "hr_reason_too_long": {"en": "a leave period is at most 3 months; for longer leave please contact HR.", "ko": "한 번에 최대 3개월까지 신청할 수 있습니다. 더 긴 휴가는 HR에 문의해 주세요."},
    "hr_reason_duplicate": {"en": "the same request is already open.", "ko": "같은 요청이 이미 진행 중입니다."},
    "hr_reason_tax_year_not_over": {"en": "that tax year is not over yet.", "ko": "아직 끝나지 않은 귀속 연도입니다."},
    "hr_reason_not_settled_yet": {"en": "that year's receipt exists only after the year-end settlement (from 10 March).", "ko": "해당 연도 영수증은 연말정산 후(3월 10일부터) 발급됩니다."},
    "hr_reason_before_hire": {"en": "you had not joined Haneul in that year.", "ko": "해당 연도에는 하늘약국 재직 기록이 없습니다."},
    "hr_reason_invalid_copies": {"en": "at most 5 copies per request.", "ko": "한 번에 최대 5부까지 요청할 수 있습니다."},
    "hr_reason_other": {"en": "the HR system refused the request.", "ko": "인사 시스템이 요청을 거절했습니다."},
}

INTENT_LABELS: dict[str, dict[str, str]] = {
    "ask_medicine": {"en": "a question about a medicine", "ko": "의약품 문의"},
    "ask_store_info": {"en": "store hours, branches, returns or delivery", "ko": "매장 안내(영업시간·지점·반품·배송)"},
    "request_pharmacist": {"en": "talking to a pharmacist", "ko": "약사 상담 연결"},
    "greet": {"en": "just saying hello", "ko": "인사"},
    "goodbye": {"en": "ending the chat", "ko": "대화 종료"},
    "thank": {"en": "saying thanks", "ko": "감사 인사"},
    "feedback": {"en": "feedback on my answer", "ko": "답변에 대한 의견"},
    "hr_leave_balance": {"en": "your leave balance", "ko": "휴가 잔여 일수"},
    "hr_request_leave": {"en": "requesting time off", "ko": "휴가 신청"},
    "hr_policy": {"en": "an HR policy or benefit", "ko": "인사 규정·복리후생"},
    "hr_directory": {"en": "finding a colleague", "ko": "직원 연락처 찾기"},
    "hr_list_leave": {"en": "your leave requests", "ko": "휴가 신청 내역"},
    "hr_cancel_leave": {"en": "cancelling leave", "ko": "휴가 취소"},
    "hr_team_requests": {"en": "your team's leave requests", "ko": "팀원 휴가 결재"},
    "hr_approve_leave": {"en": "approving a leave request", "ko": "휴가 승인"},
    "hr_decline_leave": {"en": "declining a leave request", "ko": "휴가 반려"},
}


def say(key: str, language: str, **values: str) -> str:
    entry = MESSAGES[key]
    return entry.get(language, entry["en"]).format(**values)
