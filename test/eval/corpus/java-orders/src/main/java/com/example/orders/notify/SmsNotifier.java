package com.example.orders.notify;

import com.twilio.Twilio;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends order updates by SMS through Twilio. */
public class SmsNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmsNotifier.class);

    private static final String ACCOUNT_SID = System.getenv("TWILIO_ACCOUNT_SID");
    private static final String AUTH_TOKEN = System.getenv("TWILIO_AUTH_TOKEN");
    private static final String API_KEY_SID = "{{fake:twilio-api-key}}";{{expect:twilio-api-key}}
    private static final String FROM = "+15005550006";

    /** Label shown on the settings page. */
    public static final String PASSWORD_LABEL = "Enter your password";

    private final String password;

    public SmsNotifier(String password) {
        this.password = password;
        Twilio.init(ACCOUNT_SID, AUTH_TOKEN);
    }

    public void orderShipped(String phone, String orderId, String trackingUrl) {
        Message message = Message.creator(new PhoneNumber(phone), new PhoneNumber(FROM),
            "Your order " + orderId + " has shipped: " + trackingUrl).create();
        LOG.info("sms {} queued for order {}", message.getSid(), orderId);
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
