package org.apache.cloudstack.api.response;

import java.util.List;

import org.apache.cloudstack.api.BaseResponse;
import org.apache.cloudstack.api.ResponseObject;

public class ListResponse<T extends ResponseObject> extends BaseResponse {

    private List<T> responses;
    private transient Integer count;

    public ListResponse() {
    }

    public List<T> getResponses() {
        return responses;
    }

    public void setResponses(List<T> responses) {
        this.responses = responses;
    }

    public void setResponses(List<T> responses, Integer count) {
        this.responses = responses;
        this.count = count;
    }

    public Integer getCount() {
        return count;
    }
}
