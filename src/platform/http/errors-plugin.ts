import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, internalError } from '../errors.ts';
import { fieldErrorsFrom } from './validation.ts';

// Every failure leaves the server in the one error shape; 5xx never show internals.

function fromFastifyError(err: FastifyError): AppError {
  if (err.validation) {
    const fields = fieldErrorsFrom(err.validation as never, err.validationContext);
    const first = fields[0];
    return new AppError(
      400,
      'invalid_input',
      first ? `Invalid input: ${first.message}` : 'Invalid input',
      first ? `Dữ liệu không hợp lệ: ${first.messageVi}` : 'Dữ liệu không hợp lệ',
      fields,
    );
  }
  const status = err.statusCode ?? 500;
  if (status === 429) {
    return new AppError(429, 'rate_limited', 'Too many requests; please wait a moment and try again.', 'Quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.');
  }
  if (status === 413) {
    return new AppError(413, 'too_large', 'The request is too large.', 'Dữ liệu gửi lên quá lớn.');
  }
  if (status === 415) {
    return new AppError(415, 'unsupported_media_type', 'Unsupported content type.', 'Định dạng dữ liệu không được hỗ trợ.');
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && err.name === 'SyntaxError')) {
    return new AppError(400, 'invalid_json', 'The request body is not valid JSON.', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
  if (status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', err.message, 'Yêu cầu không hợp lệ.');
  }
  return internalError();
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = err instanceof AppError ? err : fromFastifyError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    void reply.status(appError.status).send(appError.toBody());
  });
}

export function apiNotFound() {
  return new AppError(404, 'route_not_found', 'Route not found', 'Không tìm thấy đường dẫn');
}
