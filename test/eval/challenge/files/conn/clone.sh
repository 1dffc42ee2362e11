git clone https://oauth2:{{rand:20:b62}}@gitlab.acme-corp.io/platform/app.git{{expect:url-credentials}}
git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.acme-corp.io/platform/app.git
lftp -e "mirror -R site" ftp://deploy:{{rand:16:b62}}@ftp.acme-corp.io/{{expect:url-credentials}}
