package cn.mubiao.target.unit.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Someone to reach at a unit (联系人): warnings and reminders go to these.
 *
 * @param post  role or post, e.g. 目标办主任
 * @param phone a mainland mobile (13800000011) or a landline with its area code (0371-67181234, extension optional)
 */
public record Contact(String name, String post, String phone, String email) {

    private static final Pattern MOBILE = Pattern.compile("(\\+86-?)?1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}(-[0-9]{1,6})?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    public Contact {
        name = blankToNull(name);
        post = blankToNull(post);
        phone = blankToNull(phone);
        email = blankToNull(email);
        if (name == null) {
            throw new InvalidInput("name", "必填 / required");
        }
        if (name.length() > 50) {
            throw new InvalidInput("name", "不超过50个字 / at most 50 characters");
        }
        if (post != null && post.length() > 50) {
            throw new InvalidInput("post", "不超过50个字 / at most 50 characters");
        }
        if (phone != null && !MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            throw new InvalidInput("phone", "应为手机号（如13800000011）或带区号的固定电话（如0371-67181234） / "
                    + "a mobile number such as 13800000011 or a landline with its area code such as 0371-67181234");
        }
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInput("email", "不是有效的电子邮箱地址 / not an email address");
        }
    }

    /**
     * Checks a list of contacts, naming the field of a refused one by its index ({@code contacts[1].phone}).
     *
     * @param raw each contact as name, post, phone, email
     */
    public static List<Contact> of(List<String[]> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > 20) {
            throw new InvalidInput("contacts", "联系人不超过20个 / at most 20 contacts");
        }
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String[] c = raw.get(i);
            if (c == null) {
                throw new InvalidInput("contacts[" + i + "]", "必填 / required");
            }
            try {
                out.add(new Contact(c[0], c[1], c[2], c[3]));
            } catch (InvalidInput e) {
                throw new InvalidInput("contacts[" + i + "]." + e.field(), e.reason());
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
