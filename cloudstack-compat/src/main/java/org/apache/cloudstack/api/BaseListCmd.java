package org.apache.cloudstack.api;

import java.util.Map;

public abstract class BaseListCmd extends BaseCmd implements IBaseListCmd {

    public static final Long s_pageSizeUnlimited = -1L;

    @Parameter(name = ApiConstants.KEYWORD, type = CommandType.STRING)
    private String keyword;

    @Parameter(name = ApiConstants.PAGE, type = CommandType.INTEGER)
    private Integer page;

    @Parameter(name = ApiConstants.PAGE_SIZE, type = CommandType.INTEGER)
    private Integer pageSize;

    public BaseListCmd() {
    }

    @Override
    public String getKeyword() {
        return keyword;
    }

    @Override
    public Integer getPage() {
        return page;
    }

    @Override
    public Integer getPageSize() {
        return pageSize;
    }

    @Override
    public void configure() {
    }

    @Override
    public long getEntityOwnerId() {
        return 0;
    }

    @Override
    public Long getPageSizeVal() {
        return null;
    }

    @Override
    public Long getStartIndex() {
        return null;
    }

    @Override
    public void validateSpecificParameters(Map<String, String> params) {
    }
}
