package org.apache.cloudstack.framework.messagebus;

// Subset: the serializer accessors and publish(..., PublishScope, ...) are not declared.
public interface MessageBus {

    void subscribe(String subject, MessageSubscriber subscriber);

    void unsubscribe(String subject, MessageSubscriber subscriber);

    void clearAll();

    void prune();
}
