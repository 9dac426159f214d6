// Fixed addresses of the staff console (kept apart from the route table so pages can link without import cycles).
export const consoleHome = '/can-bo';
export const signInPath = '/can-bo/dang-nhap';
