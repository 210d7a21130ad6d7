"""Planning (PL), appointment (AP), terms and reappointment (TR) and the State parallels (ST).

Handbook ``planning_and_appointment.md``. QĐ 377-QĐ/TW (08/10/2025) is known mostly through
official press summaries: its article numbers are given only where a source names them (Điều 20
for cadres with a record, Điều 34 for conditions, Điều 40 for reappointment); elsewhere the
article stays empty. QĐ 80-QĐ/TW, QĐ 50-QĐ/TW and QĐ 105-QĐ/TW are cited for their periods.
"""

from __future__ import annotations

from canbo.core.citations.documents import HD06, QD80, QD96, QD377
from canbo.core.citations.model import RuleText, at, rule

QD50 = "QĐ 50-QĐ/TW"
QD105 = "QĐ 105-QĐ/TW"
QD368 = "QĐ 368-QĐ/TW"
QD365 = "QĐ 365-QĐ/TW"
ND170 = "NĐ 170/2025/NĐ-CP"
ND138 = "NĐ 138/2020/NĐ-CP"
STATE_LAW = "Luật Cán bộ, công chức 2008 (sửa đổi 2019)"

QD377_LEAD = "https://hatinh24h.com.vn/quy-dinh-ve-gioi-thieu-nhan-su-de-trung-uong-xem-xet-bau-tong-bi-thu-bo-chinh-tri-ban-bi-thu-a192003.html"
QD50_TEXT = "https://hethongphapluat.vn/quy-dinh-50-qd-tw-nam-2021-ve-cong-tac-quy-hoach-can-bo-do-ban-chap-hanh-trung-uong-ban-hanh.html"
PLO = "https://plo.vn/quy-dinh-moi-cua-bo-chinh-tri-ve-dieu-kien-tieu-chuan-do-tuoi-trong-quy-hoach-can-bo-post875999.html"
QD50_NEWS = "https://vietnamnet.vn/ban-tin-sang-vietnamnet-04012022-preP476137.html"
PL08 = "https://dantri.com.vn/xa-hoi/quy-dinh-moi-ve-do-tuoi-can-bo-duoc-quy-hoach-20220103214933272.htm"
BAND_B = "https://thuvienphapluat.vn/phap-luat/ho-tro-phap-luat/ket-qua-lay-phieu-tin-nhiem-theo-quy-dinh-96qdtw-khong-con-mang-tinh-chat-tham-khao-nhu-quy-dinh-tr-68051.html"
PLANNING_377 = "https://amp.vtcnews.vn/3-truong-hop-can-bo-bi-ky-luat-co-the-duoc-quy-hoach-chuc-vu-cao-hon-ar971605.html"
DISCIPLINE_377 = "https://dantri.com.vn/thoi-su/can-bo-bi-cach-chuc-sau-5-nam-co-the-duoc-bo-nhiem-giu-chuc-vu-cao-hon-20251017092909508.htm"
ART40 = "https://lsvn.vn/dieu-kien-bo-nhiem-lai-gioi-thieu-tai-cu-doi-voi-can-bo-a164941.html"
STANDARDS_50 = (
    "https://vnexpress.net/can-bo-duoc-quy-hoach-chua-can-dap-ung-ngay-tieu-chuan-4438685.html"
)
PL13 = "https://thainguyentv.vn/thuc-hien-quy-trinh-ra-soat-bo-sung-quy-hoach-can-bo-lanh-dao-quan-ly-cua-tinh-90102.html"
PL14 = "https://baonghean.vn/en/cong-khai-quy-hoach-can-bo-10237340.html"
PL15 = (
    "https://123docz.net/trich-doan/1176722-cac-tieu-chi-danh-gia-chat-luong-cong-tac-quy-hoach.htm"
)
PL16 = "https://baochinhphu.vn/som-xem-xet-quyet-dinh-mot-buoc-quy-hoach-ban-chap-hanh-trung-uong-dang-nhiem-ky-2026-2031-102231008141524837.htm"
STANDARDS = "https://vietnamnet.vn/bo-chinh-tri-quy-dinh-tieu-chuan-gioi-thieu-can-bo-ung-cu-chuc-vu-cao-hon-2453823.html"
CONDITIONS_377 = "http://tintuc.thuvienphapluat.com/ho-tro-phap-luat/chinh-sach-moi/96653/quy-dinh-377-qd-tw-quy-dinh-moi-ve-tieu-chuan-dieu-kien-bo-nhiem-can-bo-ung-cu-chuc-vu-cao-hon"
CONDITIONS_80 = "https://xaydungchinhsach.chinhphu.vn/tieu-chuan-dieu-kien-bo-nhiem-can-bo-ung-cu-chuc-vu-cao-hon-119220909163253403.htm"
HD06_TEXT = "https://thuviennhadat.vn/vbpl/huong-dan-06-hd-btctw-2021-tuoi-bo-nhiem-gioi-thieu-can-bo-ung-cu-488845.html"
WINDOWS_80 = "https://truyenhinhthanhhoa.vn/dieu-kien-bo-nhiem-gioi-thieu-can-bo-ung-cu-chuc-vu-cao-hon-18022092110411333.htm"
STATE_WINDOWS = "https://lawnet.vn/thong-tin-phap-luat/can-bo-cong-chuc-vien-chuc/tu-01-7-2020-can-bo-cong-chuc-bi-xu-ly-ky-luat-van-duoc-bo-nhiem-69710.html"
DOSSIER = "https://lawnet.vn/en/laws/quy-trinh-bo-nhiem-chuc-vu-lanh-dao-quan-ly-doi-voi-cong-chuc-moi-nhat-nam-2023-duoc-thuc-hien-nhu--924651-102349.html"
DEADLINES = "https://lawnet.vn/en/laws/procedures-for-appointment-and-nomination-of-positions-managed-by-the-politburo-the-secretariat-what-167474.html"
APPOINT_STEPS = "https://lawnet.vn/en/laws/procedure-for-appointment-and-nomination-of-candidates-from-local-staff-source-how-is-it-implemented-167475.html"
KEY_CADRES = "https://baonghean.vn/en/print/10160458.html"
STEP5 = "https://lawnet.vn/ngan-hang-phap-luat/en/tu-van-phap-luat/bo-may-hanh-chinh/process-of-appointing-official-leaders-and-managers-under-the-management-of-ministries-sectors-and-l-1018439"
TIES = "https://chinhsachonline.chinhphu.vn/cach-xac-dinh-nguoi-trung-cu-23649.htm"
OUTSIDE = "https://news.laodong.vn/cong-doan/cac-buoc-trong-quy-trinh-bo-nhiem-cong-chuc-doi-voi-nguon-nhan-su-tu-noi-khac-1595568.ldo"
COMPLAINTS = "https://thanhtra.com.vn/doi-noi-52FA82FBF/3-truong-hop-can-bo-bi-ky-luat-dang-dieu-tra-thanh-tra-co-the-quy-hoach-chuc-vu-cao-hon-fd59d811f.html"
QD368_NEWS = "https://www.vietnamplus.vn/quy-dinh-so-368-ve-danh-muc-vi-tri-chuc-danh-cua-he-thong-chinh-tri-post1062717.vnp"
TERM = (
    "https://tuyencongchuc.vn/hoi-dap-phap-luat/quyet-dinh-bo-nhiem-can-ghi-ro-thoi-han-giu-chuc-vu"
)
TR04 = "https://quangthai.thuathienhue.gov.vn/?cn=97&gd=19&tc=25873"
TR05 = (
    "https://vietbao.vn/bo-chinh-tri-quy-dinh-dieu-kien-bo-nhiem-lai-gioi-thieu-tai-cu-568542.html"
)
TR06 = "https://sotuphap.thaibinh.gov.vn/tin-tuc/van-ban-chinh-sach-moi/bo-chinh-tri-quy-dinh-ve-tham-quyen-cua-nguoi-dung-dau-tam-d.html"
TR07 = "https://thuviennhadat.vn/phap-luat/thu-tuc-nghi-huu-doi-voi-cong-chuc-vien-chuc-tu-ngay-09-7-2025-692261.html"
ST01 = "https://news.laodong.vn/cong-doan/trinh-tu-bo-nhiem-cong-chuc-lanh-dao-thuoc-tham-quyen-quan-ly-cua-bo-nganh-dia-phuong-1590693.ldo"
ST02 = "https://m.xosobinhdinh.org/bo-noi-vu-huong-dan-quy-trinh-bo-nhiem-cong-chuc-lanh-dao-quan-ly-20250713130212807.htm"
ST03 = "https://baolaocai.vn/quy-trinh-5-buoc-bo-nhiem-nguon-nhan-su-tai-cho-post387332.html"
ST06 = "https://danviet.vn/print-20231025225814514.htm"
ST07 = "https://dantri.com.vn/noi-vu/dieu-kien-cong-chuc-duoc-keo-dai-thoi-gian-giu-chuc-vu-den-tuoi-nghi-huu-20250808122258255.htm"

S, U = "secondary", "unconfirmed"

PLANNING: tuple[RuleText, ...] = (
    rule("PL-01", QD377, "", "",
         "Quy hoạch xác định cán bộ được chuẩn bị cho từng chức danh lãnh đạo, quản lý; theo "
         "nhiệm kỳ và rà soát hằng năm.",
         "Planning names, for each leadership post, the cadres prepared for it; per term, "
         "reviewed every year.",
         QD377_LEAD, S, at(QD50, source=QD50_TEXT, confidence=S)),
    rule("PL-02", QD377, "", "",
         "Chỉ quy hoạch cán bộ vào chức danh cao hơn chức vụ đang giữ.",
         "A cadre is planned only for posts higher than the one held.",
         PLO, S, at(QD50, source=QD50_NEWS, confidence=S)),
    rule("PL-03", QD377, "", "",
         "Mỗi chức danh quy hoạch không quá 3 người.",
         "No more than three people are planned for one post.", PLO, S, at(QD50, confidence=S)),
    rule("PL-04", QD377, "", "",
         "Mỗi người được quy hoạch không quá 3 chức danh cùng cấp.",
         "A cadre is planned for no more than three posts at the same level.", PLO, S,
         at(QD50, confidence=S)),
    rule("PL-05", QD377, "", "",
         "Không quy hoạch đồng thời với việc đề xuất bổ nhiệm, giới thiệu ứng cử.",
         "Planning is not done at the same time as a proposal for appointment.", PLO, S),
    rule("PL-06", QD377, "", "",
         "Quy hoạch được rà soát hằng năm: đưa ra người không còn đủ tiêu chuẩn, không hoàn "
         "thành nhiệm vụ, vi phạm; bổ sung người đủ tiêu chuẩn.",
         "Plans are reviewed yearly: those who no longer qualify, failed their tasks or "
         "violated rules are removed; qualified people are added.",
         PLO, S, at(QD50, confidence=S)),
    rule("PL-07", QD377, "", "",
         "Bảo đảm cơ cấu ba độ tuổi, tỷ lệ cán bộ trẻ, nữ, dân tộc thiểu số phù hợp.",
         "Plans aim at three age groups and fitting shares of young, women and "
         "ethnic-minority cadres.",
         PLO, U, at(QD50, source=QD50_NEWS, confidence=S)),
    rule("PL-08", QD377, "", "",
         "Cán bộ quy hoạch phải còn đủ thời gian công tác ít nhất một nhiệm kỳ tính từ đầu "
         "nhiệm kỳ quy hoạch.",
         "A planned cadre has at least one full term of work left from the start of the "
         "planned term.",
         PL08, U, at(QD50, source=QD50_NEWS, confidence=S)),
    rule("PL-09", QD50, "", "",
         "Theo QĐ 50, cán bộ bị kỷ luật từ khiển trách trở lên thì đưa ra khỏi quy hoạch; chỉ "
         "xem xét lại khi hết thời hạn theo hình thức kỷ luật.",
         "Under QĐ 50, a cadre disciplined at reprimand or above left the plan, and could be "
         "considered again once the window of the form had passed.",
         QD50_NEWS, S),
    rule("PL-10", QD96, "Điều 11", "",
         "Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn.",
         'More than 1/2 and under 2/3 "low": out of planning for higher posts.',
         BAND_B, S),
    rule("PL-11", QD377, "Điều 20", "",
         "Cán bộ có vi phạm, bị kỷ luật hoặc đang bị điều tra, thanh tra, khiếu nại chỉ được "
         "xem xét quy hoạch, bổ nhiệm trong ba trường hợp; sau kỷ luật: khiển trách 24 tháng, "
         "cảnh cáo 36 tháng, cách chức 60 tháng.",
         "A cadre with violations, discipline or a pending investigation is considered only "
         "in three cases; after discipline: reprimand 24 months, warning 36, removal from post "
         "60.",
         DISCIPLINE_377, S, at(QD80, source=WINDOWS_80, confidence=S)),
    rule("PL-12", QD377, "", "",
         "Khi phê duyệt quy hoạch, cán bộ cơ bản đáp ứng tiêu chuẩn của chức danh; một số tiêu "
         "chuẩn được hoàn thiện sau.",
         "When the plan is approved the cadre basically meets the post's standards; some are "
         "completed later.",
         STANDARDS_50, U, at(QD50, source=STANDARDS_50, confidence=S)),
    rule("PL-13", QD377, "", "",
         "Giới thiệu nguồn quy hoạch bằng phiếu kín qua nhiều bước.",
         "Planning sources are nominated by secret ballot in several steps.", PL13, U),
    rule("PL-14", QD377, "", "",
         "Quy hoạch được công khai; cán bộ quy hoạch từ nơi khác được thông báo cùng hai đơn vị.",
         "Planning is public; a cadre planned from elsewhere is notified with both units.",
         PL14, S),
    rule("PL-15", QD377, "", "",
         "Không có số người quy hoạch tối thiểu được xác nhận cho mỗi chức danh.",
         "No minimum number of planned cadres per post is confirmed.", PL15, U),
    rule("PL-16", QD377, "", "",
         "Quy hoạch Ban Chấp hành Trung ương nhiệm kỳ 2026–2031 (dữ kiện lịch sử).",
         "Planning of the Central Committee for 2026–2031 (historical facts).", PL16, S),
)  # fmt: skip

APPOINTMENT: tuple[RuleText, ...] = (
    rule("AP-01", QD377, "", "",
         "Người được bổ nhiệm đáp ứng tiêu chuẩn chung và tiêu chuẩn cụ thể của chức danh.",
         "The candidate meets the general and the specific standards of the post.",
         STANDARDS, S, at(QD365, confidence=S), at(QD80, confidence=S)),
    rule("AP-02", QD377, "Điều 34", "",
         "Nhân sự tại chỗ phải được quy hoạch chức danh đó hoặc chức danh tương đương, cao hơn; "
         "trường hợp đặc biệt do cấp có thẩm quyền quyết định.",
         "A candidate from inside must be planned for the post or an equivalent or higher one; "
         "special cases are decided by the competent level.",
         CONDITIONS_377, S, at(QD80, source=CONDITIONS_80, confidence=S),
         at(QD105, confidence=S)),
    rule("AP-03", QD377, "Điều 34", "",
         "Giữ chức vụ hiện tại hoặc tương đương ít nhất 2 năm (24 tháng).",
         "At least 2 years (24 months) in the current or an equivalent post.",
         CONDITIONS_377, U, at(QD80, source=CONDITIONS_80, confidence=S),
         at(QD105, confidence=S)),
    rule("AP-04", QD377, "", "",
         "Hồ sơ, lý lịch, kê khai tài sản, thu nhập rõ ràng, được thẩm định, xác minh.",
         "The dossier, CV and asset declaration are clear, appraised and verified.",
         CONDITIONS_80, S, at(QD80, source=CONDITIONS_80, confidence=S), at(QD105)),
    rule("AP-05", QD377, "", "",
         "Bổ nhiệm lần đầu hoặc chức vụ cao hơn phải đủ tuổi công tác trọn một nhiệm kỳ; ngang "
         "hoặc thấp hơn thì không cần.",
         "A first appointment or a higher post needs age for a full term; an equal or lower "
         "post does not.",
         CONDITIONS_80, S, at(QD80, source=CONDITIONS_80, confidence=S), at(QD105)),
    rule("AP-06", HD06, "", "",
         "Tuổi bổ nhiệm tính theo thời điểm nghỉ hưu thực tế, từ ngày cơ quan tham mưu nhận tờ"
         " trình và hồ sơ nhân sự; còn ít nhất 60 tháng.",
         "The appointment age uses the actual retirement date, counted from the day the "
         "dossier is received; at least 60 months must remain.",
         HD06_TEXT, S),
    rule("AP-07", QD377, "", "",
         "Người được bổ nhiệm phải đủ sức khỏe để hoàn thành nhiệm vụ.",
         "The candidate must be healthy enough to perform the duties.",
         CONDITIONS_80, U, at(QD80, source=CONDITIONS_80, confidence=S), at(QD105)),
    rule("AP-08", QD377, "Điều 20", "",
         "Sau kỷ luật, chỉ được bổ nhiệm, giới thiệu ứng cử chức vụ cao hơn khi đã qua thời hạn "
         "theo hình thức kỷ luật; thời hạn của Đảng và của Nhà nước, lấy thời hạn dài hơn.",
         "After discipline, a higher post is possible only once the window of the form has "
         "passed; of the Party and State windows the longer governs.",
         DISCIPLINE_377, S, at(QD80, source=WINDOWS_80, confidence=S),
         at(QD105, confidence=S),
         at(STATE_LAW, "Điều 82", source=STATE_WINDOWS, confidence=S)),
    rule("AP-09", QD377, "", "",
         "Hồ sơ đề nghị bổ nhiệm gồm tờ trình, biên bản kiểm phiếu các bước, lý lịch, tự kiểm "
         "điểm, nhận xét, kết luận tiêu chuẩn chính trị, kê khai tài sản, văn bằng.",
         "The dossier holds the proposal, the counting minutes of every step, the CV, "
         "assessments, the political-standard conclusion, the asset declaration and diplomas.",
         DOSSIER, U),
    rule("AP-10", QD377, "", "",
         "Cấp quản lý chức vụ cao nhất quyết định; sau khi có chủ trương, quy trình hoàn thành "
         "trong 30 ngày làm việc (QĐ 80).",
         "The level managing the highest post decides; after the policy, the process ends "
         "within 30 working days (QĐ 80).",
         DEADLINES, S, at(QD80, source=DEADLINES, confidence=S), at(QD105, confidence=S)),
    rule("AP-11", QD377, "", "",
         "Nhân sự tại chỗ: quy trình 5 bước; hội nghị có ít nhất 2/3 số người được triệu tập "
         "có mặt; giới thiệu bằng phiếu kín.",
         "Candidates from inside: five steps; a meeting needs 2/3 of those convened present; "
         "nominations by secret ballot.",
         APPOINT_STEPS, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S),
         at(QD105, confidence=S)),
    rule("AP-12", QD377, "", "",
         "Bước 1: tập thể lãnh đạo thống nhất cơ cấu, tiêu chuẩn, quy trình và danh sách người "
         "đủ tiêu chuẩn, điều kiện.",
         "Step 1: the leadership collective agrees on structure, standards, procedure and the "
         "list of eligible people.",
         APPOINT_STEPS, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S)),
    rule("AP-13", QD377, "", "",
         "Hội nghị tập thể lãnh đạo mở rộng giới thiệu nhân sự bằng phiếu kín; kết quả không "
         "công bố tại hội nghị.",
         "A wider leadership meeting nominates by secret ballot; the result is not announced "
         "at the meeting.",
         APPOINT_STEPS, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S)),
    rule("AP-14", QD377, "", "",
         "Tập thể lãnh đạo giới thiệu bằng phiếu kín; người có số phiếu cao nhất và trên 50% "
         "được chọn, nếu không thì lấy hai người cao nhất.",
         "The leadership collective nominates by secret ballot; the person with the most votes"
         " and over 50% is chosen, else the top two go on.",
         APPOINT_STEPS, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S)),
    rule("AP-15", QD377, "", "",
         "Bước 4: hội nghị cán bộ chủ chốt lấy ý kiến bằng phiếu kín.",
         "Step 4: the key cadres give opinions by secret ballot.",
         KEY_CADRES, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S)),
    rule("AP-16", QD377, "", "",
         "Bước 5: tập thể lãnh đạo biểu quyết bằng phiếu kín; trên 50% tổng số thành viên; "
         "đúng 50% thì người đứng đầu quyết định.",
         "Step 5: the leadership collective votes by secret ballot; over 50% of all members; "
         "at exactly 50% the head decides.",
         STEP5, U, at(QD80, "Điều 21", "khoản 1", APPOINT_STEPS, S)),
    rule("AP-17", QD377, "", "",
         "Bằng phiếu ở vị trí thứ hai, hoặc bước 5 không ai quá nửa: chưa có quy định, dừng và "
         "báo cáo cấp có thẩm quyền.",
         "A tie for second place, or no majority at step 5: no confirmed rule; stop and refer "
         "to the competent level.",
         TIES, U),
    rule("AP-18", QD377, "", "",
         "Quy trình đối với nhân sự từ nơi khác của Đảng chưa được xác nhận; áp dụng ba bước "
         "của Nhà nước.",
         "The Party procedure for a candidate from elsewhere is not confirmed; the State's "
         "three steps apply.",
         OUTSIDE, U),
    rule("AP-19", QD377, "Điều 20", "",
         "Người đang bị điều tra, thanh tra, có khiếu nại, tố cáo chưa giải quyết chỉ được xem "
         "xét trong các trường hợp quy định.",
         "A candidate under investigation or with an unresolved complaint is considered only "
         "in the cases listed.",
         COMPLAINTS, S, at(QD80, confidence=S), at(QD105)),
    rule("AP-20", QD368, "", "",
         "Danh mục vị trí chức danh của hệ thống chính trị: bốn nhóm; nhóm IV do cấp ủy, cơ "
         "quan, đơn vị quản lý.",
         "The catalogue of posts of the political system: four groups; group IV is set by "
         "each managing body.",
         QD368_NEWS, S),
)  # fmt: skip

TERMS: tuple[RuleText, ...] = (
    rule("TR-01", QD377, "", "",
         "Thời hạn bổ nhiệm là 5 năm tính từ ngày quyết định có hiệu lực.",
         "An appointment is for 5 years from the decision's effective date.", TERM, S,
         at(QD80, confidence=S), at(QD105, confidence=S)),
    rule("TR-02", QD377, "Điều 40", "",
         "Bổ nhiệm lại: hoàn thành nhiệm vụ trong nhiệm kỳ, đủ tiêu chuẩn, sức khỏe; thông báo "
         "trước ít nhất 90 ngày làm việc khi hết thời hạn.",
         "Reappointment: tasks completed in the term, standards and health met; notice at "
         "least 90 working days before the term ends.",
         ART40, S),
    rule("TR-03", QD377, "", "",
         "Còn từ 2 đến dưới 5 năm đến tuổi nghỉ hưu: bổ nhiệm lại đến khi nghỉ hưu; dưới 2 năm: "
         "có thể kéo dài thời gian giữ chức vụ.",
         "2 to under 5 years left: reappointed until retirement; under 2 years: the time in "
         "post may be extended.",
         TERM, U, at(QD105, confidence=S)),
    rule("TR-04", QD377, "", "",
         "Không giữ một chức vụ quá hai nhiệm kỳ liên tiếp nơi có quy định; cấp trưởng không "
         "quá 8 năm tại một đơn vị.",
         "No more than two consecutive terms where the rules say so; a head not 8 years or "
         "more in one unit.",
         TR04, U),
    rule("TR-05", QD377, "", "",
         "Cán bộ suy giảm sức khỏe, uy tín, vi phạm được thay thế, cho thôi chức, miễn nhiệm "
         "không chờ hết thời hạn.",
         "A cadre whose health, prestige or performance declined, or who violated rules, is "
         "replaced without waiting for the term to end.",
         TR05, S),
    rule("TR-06", QD377, "", "",
         "Tạm đình chỉ công tác không phải hình thức kỷ luật; tối đa 15 ngày làm việc, gia hạn "
         "tối đa 15 ngày làm việc (QĐ 148).",
         "Temporary suspension is not discipline; at most 15 working days, extendable by 15 "
         "(QĐ 148).",
         TR06, U),
    rule("TR-07", QD377, "", "",
         "Thông báo nghỉ hưu trước 6 tháng, quyết định nghỉ hưu trước 3 tháng.",
         "Retirement is notified 6 months ahead and decided 3 months ahead.", TR07, S),
)  # fmt: skip

STATE: tuple[RuleText, ...] = (
    rule("ST-01", ND170, "", "",
         "Bổ nhiệm công chức lãnh đạo: chủ trương trong 15 ngày làm việc; quy trình 5 bước; "
         "mỗi hội nghị có ít nhất 2/3 số người được triệu tập.",
         "Civil-servant appointment: policy within 15 working days; five steps; 2/3 of those "
         "convened present at each meeting.",
         ST01, S, at(ND138, confidence=S)),
    rule("ST-02", ND170, "", "",
         "Bước 1 gồm người đứng đầu và cấp phó; đại diện cơ quan tham mưu dự, không biểu quyết.",
         "Step 1: the head and deputies; the personnel body attends without a vote.", ST02, S),
    rule("ST-03", ND170, "", "",
         "Trong số người đạt trên 50% tổng số người được triệu tập, chọn người có số phiếu cao "
         "nhất.",
         "Among those with over 50% of all convened, the one with the most votes is proposed.",
         ST03, S),
    rule("ST-04", ND170, "", "",
         "Nhân sự từ nơi khác: ba bước; đơn vị nơi cán bộ công tác biểu quyết, trên 50%; đúng "
         "50% thì người đứng đầu quyết định.",
         "A candidate from elsewhere: three steps; the sending unit votes, over 50%; at "
         "exactly 50% the head decides.",
         OUTSIDE, S, at(ND138, source=OUTSIDE, confidence=S)),
    rule("ST-05", ND170, "", "",
         "Không trong thời hạn kỷ luật, không bị truy cứu, điều tra; đủ tuổi một nhiệm kỳ khi "
         "bổ nhiệm lần đầu hoặc chức vụ cao hơn.",
         "Not within a discipline period or under prosecution; age for a full term for a first"
         " or higher appointment.",
         ST03, S),
    rule("ST-06", ND170, "", "",
         "Bổ nhiệm viên chức quản lý cũng theo quy trình 5 bước.",
         "Public employees' appointment also follows five steps.", ST06, S),
    rule("ST-07", ND170, "", "",
         "Kéo dài thời gian giữ chức vụ đến tuổi nghỉ hưu: thông báo trước 90 ngày; trên 50% "
         "tổng số thành viên tập thể lãnh đạo.",
         "Extending tenure until retirement: 90 days' notice; over 50% of the leadership "
         "collective's members.",
         ST07, S),
)  # fmt: skip

RULES: tuple[RuleText, ...] = PLANNING + APPOINTMENT + TERMS + STATE
