// One error shape for every failure: { error: { code, message, messageVi, fields? } }.

export interface FieldError {
  field: string;
  message: string;
  messageVi: string;
}

export interface ErrorBody {
  error: { code: string; message: string; messageVi: string; fields?: FieldError[] };
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message, messageVi: this.messageVi };
    if (this.fields?.length) error.fields = this.fields;
    return { error };
  }
}

export const badRequest = (code: string, message: string, messageVi: string, fields?: FieldError[]) =>
  new AppError(400, code, message, messageVi, fields);

export const invalidField = (field: string, message: string, messageVi: string) =>
  new AppError(400, 'invalid_input', message, messageVi, [{ field, message, messageVi }]);

export const notFound = (what = 'Resource', whatVi = 'Dữ liệu') =>
  new AppError(404, 'not_found', `${what} not found`, `Không tìm thấy ${whatVi.toLowerCase()}`);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Please sign in', 'Vui lòng đăng nhập');

export const forbidden = (message = 'You are not allowed to do this', messageVi = 'Bạn không có quyền thực hiện thao tác này') =>
  new AppError(403, 'forbidden', message, messageVi);

export const conflict = (code: string, message: string, messageVi: string) => new AppError(409, code, message, messageVi);

export const staleVersion = () =>
  conflict(
    'stale_version',
    'This record was changed by someone else. Reload it and try again.',
    'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.',
  );

export const internalError = () =>
  new AppError(500, 'internal_error', 'Something went wrong on our side. Please try again.', 'Hệ thống gặp lỗi. Vui lòng thử lại.');
