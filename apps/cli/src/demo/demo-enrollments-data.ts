/**
 * Demo learners at every stage of an enrollment, in the demo courses (found by title). Stages
 * are reached through the enrollment services, as a learner would: "halfway" has its required
 * readings done, "completed" also passed its quizzes, "waitlisted" waits in a course that demo
 * staff filled to capacity, "withdrawn" enrolled then left.
 */

export const DEMO_STAGES = ['enrolled', 'halfway', 'completed', 'waitlisted', 'withdrawn'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export interface DemoEnrollment {
  email: string;
  courseTitle: string;
  stage: DemoStage;
}

const STAGED_LEARNERS: DemoEnrollment[] = [
  {
    email: 'hocvien@demo.lifelong.local',
    courseTitle: 'Kỹ năng số cho mọi người',
    stage: 'halfway',
  },
  {
    email: 'hocvien@demo.lifelong.local',
    courseTitle: 'Học tập suốt đời: phương pháp tự học',
    stage: 'completed',
  },
  {
    email: 'hocvien.moi@demo.lifelong.local',
    courseTitle: 'Kỹ năng số cho mọi người',
    stage: 'enrolled',
  },
  {
    email: 'hocvien.giuakhoa@demo.lifelong.local',
    courseTitle: 'Tiếng Anh giao tiếp cơ bản',
    stage: 'halfway',
  },
  {
    email: 'hocvien.hoanthanh@demo.lifelong.local',
    courseTitle: 'Sơ cứu ban đầu tại cộng đồng',
    stage: 'completed',
  },
  {
    email: 'hocvien.chocho@demo.lifelong.local',
    courseTitle: 'Điện dân dụng cơ bản',
    stage: 'waitlisted',
  },
  {
    email: 'hocvien.rutlui@demo.lifelong.local',
    courseTitle: 'Tin học văn phòng cơ bản',
    stage: 'withdrawn',
  },
];

/** A learner of a province's facilities: where they learn and how far they got. */
interface ProvinceLearner {
  email: string;
  fullName: string;
  courseTitle: string;
  stage: DemoStage;
}

/**
 * Learners at the facilities of Hồ Chí Minh City, Thái Nguyên and Lào Cai, a handful per course
 * (never the course that demo staff fill to capacity), about half of them finished: without
 * them every province but Hà Nội counted fewer than five people and the public figures hid them.
 */
const PROVINCE_LEARNING: [string, string, string, DemoStage][] = [
  ['hocvien.hcm1', 'Trần Minh Tâm', 'Tiếng Anh giao tiếp cơ bản', 'completed'],
  ['hocvien.hcm2', 'Nguyễn Thị Thu Trang', 'Tiếng Anh giao tiếp cơ bản', 'completed'],
  ['hocvien.hcm3', 'Lê Hoàng Phúc', 'Tiếng Anh giao tiếp cơ bản', 'halfway'],
  ['hocvien.hcm4', 'Phạm Ngọc Hân', 'Tiếng Anh giao tiếp cơ bản', 'enrolled'],
  ['hocvien.hcm5', 'Võ Văn Sáu', 'Nuôi trồng thủy sản bền vững', 'completed'],
  ['hocvien.hcm6', 'Huỳnh Thị Bé', 'Nuôi trồng thủy sản bền vững', 'halfway'],
  ['hocvien.hcm7', 'Đặng Văn Lợi', 'Nuôi trồng thủy sản bền vững', 'completed'],
  ['hocvien.tn1', 'Dương Thị Huyền', 'Tin học văn phòng cơ bản', 'completed'],
  ['hocvien.tn2', 'Ma Văn Khánh', 'Tin học văn phòng cơ bản', 'completed'],
  ['hocvien.tn3', 'Hoàng Thị Nga', 'Tin học văn phòng cơ bản', 'halfway'],
  ['hocvien.tn4', 'Nông Văn Dũng', 'Tin học văn phòng cơ bản', 'enrolled'],
  ['hocvien.tn5', 'Lương Thị Yến', 'Tin học văn phòng cơ bản', 'completed'],
  ['hocvien.tn6', 'Triệu Văn Quân', 'Tin học văn phòng cơ bản', 'halfway'],
  ['hocvien.lc1', 'Giàng Thị Mỷ', 'Du lịch cộng đồng ở vùng cao', 'completed'],
  ['hocvien.lc2', 'Lò Văn Páo', 'Du lịch cộng đồng ở vùng cao', 'halfway'],
  ['hocvien.lc3', 'Sùng Thị Dung', 'Du lịch cộng đồng ở vùng cao', 'completed'],
  ['hocvien.lc4', 'Vàng Văn Chư', 'Văn hóa đọc trong gia đình', 'completed'],
  ['hocvien.lc5', 'Tẩn Thị Mẩy', 'Văn hóa đọc trong gia đình', 'enrolled'],
  ['hocvien.lc6', 'Hạng A Tủa', 'Văn hóa đọc trong gia đình', 'halfway'],
];

export const DEMO_PROVINCE_LEARNERS: ProvinceLearner[] = PROVINCE_LEARNING.map(
  ([name, fullName, courseTitle, stage]) => ({
    email: `${name}@demo.lifelong.local`,
    fullName,
    courseTitle,
    stage,
  }),
);

/** Every demo enrollment: the learners at each stage, then the provinces' learners. */
export const DEMO_ENROLLMENTS: DemoEnrollment[] = [
  ...STAGED_LEARNERS,
  ...DEMO_PROVINCE_LEARNERS.map(({ email, courseTitle, stage }) => ({ email, courseTitle, stage })),
];
