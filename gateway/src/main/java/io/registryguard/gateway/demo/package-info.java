/**
 * The embedded demo registry: {@link io.registryguard.gateway.demo.DemoRegistry}, a WireMock server
 * that answers like PyPI's Warehouse. Stubs are grouped by area, one class each
 * ({@code PublicPagesStubs}, {@code LoginStubs}, {@code SimpleIndexStubs}, {@code ManageAccountStubs},
 * {@code CollaborationStubs}, {@code LegacyUploadStubs}, {@code UploadSinkStubs}); pages are templates
 * under {@code src/main/resources/demo/pages/}.
 *
 * <h2>Routes</h2>
 * <ul>
 *   <li>{@code GET /account/login/}: 200 form ({@code username}, {@code password}, hidden
 *       {@code csrf_token}, hidden {@code next}; posts to itself keeping {@code ?next=}).</li>
 *   <li>{@code POST /account/login/}: right password: 303, {@code Location} = {@code next} (form, else
 *       query) when it is a local path, else {@code /manage/projects/}; {@code Set-Cookie:
 *       session_id=demo-session-<user>; Path=/; HttpOnly; Secure; SameSite=Lax} and {@code Set-Cookie:
 *       user_id__insecure=<user>; Path=/}. Wrong password: 200 form with "The password is invalid. Try
 *       again."; unknown user: 200 form with "No user found with that username"; no or blank username:
 *       200 form with "This field is required.". With a demo session, any method: 303 to
 *       {@code /manage/projects/} (already logged in).</li>
 *   <li>{@code GET /account/logout/}: 200 confirmation (logged in) or 303 to {@code /};
 *       {@code POST /account/logout/}: 303 to {@code next} or {@code /}, both cookies cleared
 *       ({@code Max-Age=0}).</li>
 *   <li>{@code GET /}, {@code GET /project/demo-project/}: pages. {@code GET /simple/}: PEP 503 index;
 *       {@code GET /simple/demo-project/}: one link, {@code /packages/aa/bb/…/demo_project-1.0.tar.gz#sha256=<hex>};
 *       that file: the sdist bytes. Non-normalised project names: 301 to the normal form.</li>
 *   <li>Logged in (cookie {@code session_id=demo-session-<user>}), otherwise 303 to
 *       {@code /account/login/?next=<url-encoded path and query>}: {@code /manage/projects/},
 *       {@code /manage/account/} (POST dispatch: {@code confirm_password} → 303 to {@code /} with cookies
 *       cleared; {@code email}, {@code new_password}, {@code primary_email_id}, {@code delete_email_id} →
 *       200 page with Warehouse's message), {@code /manage/account/token/} (POST {@code description} →
 *       200 page with a {@code pypi-…} token), {@code /manage/account/totp-provision} (POST six-digit
 *       {@code totp_value} → 303 to {@code /manage/account/}, else 200 "Invalid TOTP code."),
 *       {@code /manage/project/demo-project/collaboration/} (GET lists alice Owner, bob Maintainer; POST
 *       {@code username}+{@code role_name} → 303 back), {@code …/collaboration/change/},
 *       {@code …/collaboration/delete/}, {@code …/collaboration/revoke_invite/} (303 back; removing
 *       yourself: 303 to {@code /manage/projects/}), {@code …/settings/},
 *       {@code /manage/project/demo-project/delete_project/} ({@code confirm_project_name=demo-project} →
 *       303 to {@code /manage/projects/}, else 303 to {@code …/settings/}),
 *       {@code /account/verify-project-role/} (GET with {@code token}: 200 page; POST {@code accept} or
 *       {@code decline} → 303 to {@code /manage/projects/}).</li>
 *   <li>{@code POST /legacy/} with multipart {@code :action=file_upload}: API token ({@code Basic
 *       __token__:pypi-…}, {@code token pypi-…}, {@code Bearer pypi-…}) → 200, empty body; another Basic
 *       username → 403 "Username/Password authentication is no longer supported. …"; nothing usable →
 *       403 "Invalid or non-existent authentication information. …" (message also in the status line).
 *       Other requests to {@code /legacy/}: 200 "API endpoint" page; {@code POST /legacy}: 308 to
 *       {@code /legacy/}.</li>
 *   <li>{@code POST /_demo/sink} (test only): 200 {@code {"bytes": N, "sha256": "<hex>"}}.</li>
 *   <li>Anything else, including WireMock's {@code /__admin/}: 404 page.</li>
 * </ul>
 */
package io.registryguard.gateway.demo;
