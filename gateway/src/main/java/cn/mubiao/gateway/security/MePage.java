package cn.mubiao.gateway.security;

/** The {@code /me} page: who is signed in, their unit and roles, and the logout button. Chinese first. */
final class MePage {

    private MePage() {
    }

    static String render(Me me, String csrfToken) {
        String roles = me.roles().isEmpty() ? "—" : String.join("、", me.roles());
        String signOut = "session".equals(me.via())
                ? """
                <form method="post" action="/logout">
                  <input type="hidden" name="_csrf" value="%s">
                  <button type="submit">退出登录 <span lang="en">Sign out</span></button>
                </form>""".formatted(escape(csrfToken))
                : """
                <p>通过访问令牌（Bearer）调用，无登录会话可退出。<br><span lang="en">Called with a bearer token: there is no session to sign out of.</span></p>""";
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>当前用户 · 目标管理平台 Mubiao</title>
                <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:3rem auto;line-height:1.6;color:#222}
                th{text-align:left;padding-right:1.5rem;font-weight:600;vertical-align:top}[lang=en]{color:#666;font-size:.9em}
                button{margin-top:1.5rem;padding:.4rem 1.2rem;font-size:1rem}</style></head>
                <body>
                <h1>当前用户 <small lang="en">Signed-in user</small></h1>
                <table>
                <tr><th>姓名 <span lang="en">Name</span></th><td>%s</td></tr>
                <tr><th>用户名 <span lang="en">Username</span></th><td>%s</td></tr>
                <tr><th>单位 <span lang="en">Unit</span></th><td>%s</td></tr>
                <tr><th>角色 <span lang="en">Roles</span></th><td>%s</td></tr>
                <tr><th>客户端 <span lang="en">Client</span></th><td>%s</td></tr>
                </table>
                %s
                <p><a href="/">返回首页 <span lang="en">Home</span></a></p>
                </body>
                </html>
                """.formatted(escape(me.name()), escape(me.username()), escape(me.unit()), escape(roles),
                escape(me.client()), signOut);
    }

    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "—";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
