import type { components } from '../../api/schema';

// The api's shapes these pages use, apart from the hooks that fetch them (so the pure modules
// that read them need no React and no session).
type Schemas = components['schemas'];
export type Requirement = Schemas['RequirementDto'];
export type RequirementVersion = Schemas['RequirementVersionDto'];
export type RequirementBody = Schemas['RequirementBodyDto'];
export type TargetBody = Schemas['RequirementPreviewBodyDto'];
