package cn.mubiao.notification.warning.domain;

/** How a warning travels. */
public enum Channel {
    EMAIL, SMS
}
