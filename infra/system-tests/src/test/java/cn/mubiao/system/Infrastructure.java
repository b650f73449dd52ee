package cn.mubiao.system;

import cn.mubiao.devstack.DevStack;
import cn.mubiao.devstack.Inbox;
import cn.mubiao.devstack.ReceivedMail;
import cn.mubiao.devstack.ReceivedSms;

/** What the services run against: the embedded devstack here, containers where a Docker engine runs. */
interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Without a database: each service appends its own. */
    String mongoUri();

    String keycloakUrl();

    int smtpPort();

    int smppPort();

    Inbox<ReceivedMail> mail();

    Inbox<ReceivedSms> sms();

    void stopKafka();

    void startKafka();

    @Override
    void close();

    /** The devstack: Kafka, MongoDB protocol server, GreenMail and the SMPP simulator in this JVM, Keycloak as a child. */
    static Infrastructure embedded(DevStack stack) {
        return new Infrastructure() {
            public String kafkaBootstrapServers() {
                return stack.kafkaBootstrapServers();
            }

            public String mongoUri() {
                return stack.mongoUri();
            }

            public String keycloakUrl() {
                return stack.keycloakUrl();
            }

            public int smtpPort() {
                return stack.smtpPort();
            }

            public int smppPort() {
                return stack.smppPort();
            }

            public Inbox<ReceivedMail> mail() {
                return stack.mail();
            }

            public Inbox<ReceivedSms> sms() {
                return stack.sms();
            }

            public void stopKafka() {
                stack.stopKafka();
            }

            public void startKafka() {
                stack.startKafka();
            }

            public void close() {
                stack.close();
            }
        };
    }
}
