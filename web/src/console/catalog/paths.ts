// Addresses of the catalogue's console pages (kept apart from the route table so pages link without cycles).
// A procedure whose code is one of the fixed sub-page names ("them", "nhap", "quy-trinh") would be hidden by that
// page; national codes are numeric ("1.001193"), so only a province's own list could, and should not, use them.
export const catalogAdminPath = '/can-bo/thu-tuc';
export const workflowsPath = `${catalogAdminPath}/quy-trinh`;

export const adminProcedurePath = (code: string) => `${catalogAdminPath}/${encodeURIComponent(code)}`;
export const versionPath = (code: string, number: number) => `${adminProcedurePath(code)}/phien-ban/${number}`;
export const workflowPath = (id: string) => `${workflowsPath}/${encodeURIComponent(id)}`;
