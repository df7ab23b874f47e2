// The table of (prompt, expected, answer, verdict) cases, grouped by the rule each one exercises. Each rule has
// answers that must be accepted and answers that must be rejected.

export interface AnswerCase {
  prompt: string;
  expected: string[];
  answer: string;
  accepted: boolean;
}

const P_APP1 = 'Which `docker` command do you use to run a container from `nginx` in the background, named `app1`, on the `mybridge` network?';
const A_APP1 = ['docker run -d --name app1 --network mybridge nginx', 'docker container run -d --name app1 --network mybridge nginx'];
const P_PUBLISH = 'Which `docker` command do you use to run a container from `nginx` publishing container port 80 on host port 8080?';
const A_PUBLISH = ['docker run -p 8080:80 nginx', 'docker container run -p 8080:80 nginx'];
const P_MOUNT = 'Which `docker` command do you use to run a container from `docker-volume` in the background, with the mount `source=myvolume,target=/app`?';
const A_MOUNT = ['docker run -d --mount source=myvolume,target=/app docker-volume', 'docker container run -d --mount source=myvolume,target=/app docker-volume'];
const P_RO = 'Which `docker` command do you use to run `nginx` with the `site` volume mounted read-only at `/usr/share/nginx/html`?';
const A_RO = ['docker run -v site:/usr/share/nginx/html:ro nginx'];
const P_MYSQL = 'Which `docker` command do you use to run a container from `mysql` in the background, with `mysql_data` mounted at `/var/lib/mysql`?';
const A_MYSQL = ['docker run -d -v mysql_data:/var/lib/mysql mysql', 'docker container run -d -v mysql_data:/var/lib/mysql mysql'];
const P_HOST = 'Containers communicate with the host: which `docker` command is “Host network mode”?';
const A_HOST = ['docker run --network host nginx', 'docker container run --network host nginx'];
const P_NONE = 'How to prevent containers from communicating (Complete Isolation): which `docker` command is “None network (BEST)”?';
const A_NONE = ['docker run --network none nginx', 'docker container run --network none nginx'];
const P_USERMOD = 'Install docker — to grant access to your user to run the docker command, you should add the user to the Docker Linux group: which `usermod` command?';
const A_USERMOD = ['sudo usermod -aG docker ubuntu'];
const P_NET = 'Which `docker` command do you use to create network `mybridge`?';
const A_NET = ['docker network create mybridge'];
const P_KILL = 'Lifecycle of containers: which `docker` command does “force stop (SIGKILL)”?';
const A_KILL = ['docker kill container-id', 'docker container kill container-id'];
const P_STOP = 'Lifecycle of containers: which `docker` command does “gracefully stops the container (SIGTERM)”?';
const A_STOP = ['docker stop container-id', 'docker container stop container-id'];
const P_PS = 'Which `docker` command do you use to check the running containers?';
const A_PS = ['docker ps', 'docker container ls'];
const P_VOLS = 'Which `docker` command lists all the volumes created in docker?';
const A_VOLS = ['docker volume ls'];
const P_APT = 'Install docker — create an Ubuntu EC2 instance on AWS and install docker, step 1 of 2: which `apt` command?';
const A_APT = ['sudo apt update'];
const P_APT_INSTALL = 'Install docker — create an Ubuntu EC2 instance on AWS and install docker: install `docker.io`: which `apt` command?';
const A_APT_INSTALL = ['sudo apt install docker.io -y'];
const P_RUN = 'Which `docker` command runs container from docker images?';
const A_RUN = ['docker run', 'docker container run'];
const P_BUILD = 'Which `docker` command builds docker images from Dockerfile?';
const A_BUILD = ['docker build', 'docker image build'];
const P_BIND = 'Which `docker` command do you use to run a container from `node` with `$(pwd)` mounted at `/app`?';
const A_BIND = ['docker run -v $(pwd):/app node', 'docker container run -v $(pwd):/app node'];
const P_INSPECT = 'Which `docker` command do you use to check the volume attached to the particular container?';
const A_INSPECT = ['docker inspect <container_id>'];
const P_VOLCREATE = 'Which `docker` command do you use to create volume `mysql_data`?';
const A_VOLCREATE = ['docker volume create mysql_data'];
const P_ANON = 'Which `docker` command do you use to run a container from `nginx` with an anonymous volume at `/app/data`?';
const A_ANON = ['docker run -v /app/data nginx', 'docker container run -v /app/data nginx'];
const P_COPY = 'Core idea of Multi-Stage build (Multi-Stage Dockerfile): write the Dockerfile instruction that copies `/app/dist` from the `builder` stage to `./dist`.';
const A_COPY = ['COPY --from=builder /app/dist ./dist'];
const P_FROM = 'Multi-Stage Docker build — COPY --from (Dockerfile): which base image does the final stage of the Dockerfile start from?';
const A_FROM = ['nginx:alpine', 'FROM nginx:alpine'];
const P_ICC = 'How to prevent containers from communicating (Complete Isolation): which `dockerd` command is “Disable Inter-Container communication (ICC)”?';
const A_ICC = ['dockerd --icc=false'];
const P_SYSTEMCTL = 'Install docker — to verify if the docker daemon is actually started and active: which `systemctl` command?';
const A_SYSTEMCTL = ['sudo systemctl status docker'];
const P_IT = 'Which `docker` command starts an interactive shell in a new `ubuntu` container, removed on exit?';
const A_IT = ['docker run -it --rm ubuntu bash'];
const P_ENV = 'Which `docker` command runs `postgres` in the background with the environment variable `POSTGRES_PASSWORD=secret`?';
const A_ENV = ['docker run -d -e POSTGRES_PASSWORD=secret postgres'];
const P_RM2 = 'Which `docker` command removes a particular/group of volumes?';
const A_RM2 = ['docker volume rm myvolume1 myvolume2'];

const yes = (prompt: string, expected: string[], answer: string): AnswerCase => ({ prompt, expected, answer, accepted: true });
const no = (prompt: string, expected: string[], answer: string): AnswerCase => ({ prompt, expected, answer, accepted: false });

export const CASES: Record<string, AnswerCase[]> = {
  'parsing: combined short flags, --flag=value, repeats, quotes, continuations, sudo': [
    yes(P_IT, A_IT, 'docker run -i -t --rm ubuntu bash'),
    yes(P_IT, A_IT, 'docker run -ti --rm ubuntu bash'),
    yes(P_IT, A_IT, 'docker run --rm -it ubuntu bash'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -a -G docker ubuntu'),
    yes(P_APP1, A_APP1, 'docker run -d --name=app1 --network=mybridge nginx'),
    yes(P_APP1, A_APP1, 'sudo docker run -d --name app1 --network mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run -d \\\n  --name app1 \\\n  --network mybridge \\\n  nginx'),
    yes(P_APP1, A_APP1, 'docker run -d --name "app1" --network \'mybridge\' nginx'),
    yes(P_PUBLISH, A_PUBLISH, 'docker run -p8080:80 nginx'),
    yes(P_PUBLISH, A_PUBLISH, '$ docker run -p 8080:80 nginx'),
    yes(P_PUBLISH, A_PUBLISH, '`docker run -p 8080:80 nginx`'),
    yes(P_ENV, A_ENV, 'docker run -d -e "POSTGRES_PASSWORD=secret" postgres'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount source=myvolume, target = /app docker-volume'),
    yes(P_PS, A_PS, 'DOCKER  PS'),
    yes(P_PS, A_PS, 'docker ps.'),
    yes(P_APP1, A_APP1, 'docker run —detach —name app1 —network mybridge nginx'),
    no(P_IT, A_IT, 'docker run -i --rm ubuntu bash'),
    no(P_IT, A_IT, 'docker run -it --rm ubuntu sh'),
    no(P_IT, A_IT, 'docker run -it --rm ubuntu "bash -c ls"'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -p 8080:80 -p 8443:443 nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --name app2 --network mybridge nginx'),
    // An open value must not take the typed value a named one needs (found by the property test).
    yes('Run `nginx` with the hostname `app1` and another hostname.', ['docker run -h other -h app1 nginx'], 'docker run -h app1 -h web nginx'),
    no('Run `nginx` with the hostname `app1` and another hostname.', ['docker run -h other -h app1 nginx'], 'docker run -h web -h web2 nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --network mybridge nginx; docker ps'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -Ga docker ubuntu'),
    no(P_PS, A_PS, ''),
  ],
  'options: short and long names, hidden aliases': [
    yes(P_APP1, A_APP1, 'docker run --detach --name app1 --network mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run -d --name app1 --net mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run -d --name app1 --net=mybridge nginx'),
    yes(P_PUBLISH, A_PUBLISH, 'docker run --publish 8080:80 nginx'),
    yes(P_PUBLISH, A_PUBLISH, 'docker run --publish=8080:80 nginx'),
    yes(P_MYSQL, A_MYSQL, 'docker run --detach --volume mysql_data:/var/lib/mysql mysql'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod --append --groups docker ubuntu'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -a --groups docker ubuntu'),
    yes(P_IT, A_IT, 'docker run --interactive --tty --rm ubuntu bash'),
    yes(P_ENV, A_ENV, 'docker run --detach --env POSTGRES_PASSWORD=secret postgres'),
    yes(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt install --yes docker.io'),
    yes(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt install --assume-yes docker.io'),
    no(P_APP1, A_APP1, 'docker run --daemon --name app1 --network mybridge nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --network-alias mybridge nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run --publish-all nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run --expose 8080:80 nginx'),
    no(P_MYSQL, A_MYSQL, 'docker run --detach --volumes-from mysql_data:/var/lib/mysql mysql'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod --groups docker ubuntu'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -ag docker ubuntu'),
    no(P_IT, A_IT, 'docker run --interactive --rm ubuntu bash'),
    no(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt install docker.io'),
  ],
  'commands: Docker aliases and the same program under another name': [
    yes(P_PS, A_PS, 'docker container ls'),
    yes(P_PS, A_PS, 'docker container list'),
    yes(P_PS, A_PS, 'docker container ps'),
    yes(P_VOLS, A_VOLS, 'docker volume list'),
    yes(P_STOP, A_STOP, 'docker container stop web'),
    yes(P_APP1, A_APP1, 'docker container run -d --name app1 --network mybridge nginx'),
    yes(P_APT, A_APT, 'sudo apt-get update'),
    yes(P_APT, A_APT, 'apt-get update'),
    yes(P_BUILD, A_BUILD, 'docker builder build'),
    yes(P_INSPECT, A_INSPECT, 'docker inspect 3f2a'),
    no(P_PS, A_PS, 'docker container top'),
    no(P_PS, A_PS, 'docker image ls'),
    no(P_VOLS, A_VOLS, 'docker volume inspect'),
    no(P_VOLS, A_VOLS, 'docker network ls'),
    no(P_STOP, A_STOP, 'docker kill web'),
    no(P_STOP, A_STOP, 'docker container kill web'),
    no(P_KILL, A_KILL, 'docker stop web'),
    no(P_APT, A_APT, 'sudo apt upgrade'),
    no(P_APT, A_APT, 'sudo yum update'),
    no(P_INSPECT, A_INSPECT, 'docker volume inspect 3f2a'),
  ],
  'order: options in any order, operands in order': [
    yes(P_APP1, A_APP1, 'docker run --name app1 -d --network mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run --network mybridge --name app1 -d nginx'),
    yes(P_MOUNT, A_MOUNT, 'docker run --mount source=myvolume,target=/app -d docker-volume'),
    yes(P_MYSQL, A_MYSQL, 'docker run -v mysql_data:/var/lib/mysql -d mysql'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -G docker -a ubuntu'),
    yes(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt install -y docker.io'),
    yes(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt -y install docker.io'),
    yes(P_RM2, A_RM2, 'docker volume rm old1 old2'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 nginx --network mybridge'),
    no(P_IT, A_IT, 'docker run -it --rm bash ubuntu'),
    no(P_COPY, A_COPY, 'COPY --from=builder ./dist /app/dist'),
    no(P_RM2, A_RM2, 'docker volume rm old1'),
  ],
  'values with structure: --mount, -p, -v, -e': [
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount target=/app,source=myvolume docker-volume'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount src=myvolume,dst=/app docker-volume'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount source=myvolume,destination=/app docker-volume'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount type=volume,source=myvolume,target=/app docker-volume'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount dst=/app,type=volume,src=myvolume docker-volume'),
    yes(P_PUBLISH, A_PUBLISH, 'docker run -p 8080:80/tcp nginx'),
    yes(P_MYSQL, A_MYSQL, 'docker run -d -v mysql_data:/var/lib/mysql:rw mysql'),
    yes(P_BIND, A_BIND, 'docker run -v "$(pwd)":/app node'),
    yes(P_BIND, A_BIND, 'docker run -v $PWD:/app node'),
    yes(P_BIND, A_BIND, 'docker run -v ${PWD}:/app node'),
    yes(P_ENV, A_ENV, 'docker run -d -e POSTGRES_PASSWORD="secret" postgres'),
    no(P_MOUNT, A_MOUNT, 'docker run -d --mount type=bind,source=myvolume,target=/app docker-volume'),
    no(P_MOUNT, A_MOUNT, 'docker run -d --mount source=/app,target=myvolume docker-volume'),
    no(P_MOUNT, A_MOUNT, 'docker run -d --mount source=myvolume,target=/app,readonly docker-volume'),
    no(P_MOUNT, A_MOUNT, 'docker run -d --mount source=myvolume docker-volume'),
    // `-v NAME:/path` is `--mount source=NAME,target=/path` (type=volume implied; type=bind for a host path; ro = readonly).
    yes(P_MOUNT, A_MOUNT, 'docker run -d -v myvolume:/app docker-volume'),
    yes(P_MYSQL, A_MYSQL, 'docker run -d --mount source=mysql_data,target=/var/lib/mysql mysql'),
    yes(P_MYSQL, A_MYSQL, 'docker run -d --mount type=volume,src=mysql_data,dst=/var/lib/mysql mysql'),
    yes(P_BIND, A_BIND, 'docker run --mount type=bind,source=$(pwd),target=/app node'),
    no(P_BIND, A_BIND, 'docker run --mount source=$(pwd),target=/app node'),
    no(P_MYSQL, A_MYSQL, 'docker run -d --mount source=mysql_data,target=/var/lib/mysql,readonly mysql'),
    no(P_MYSQL, A_MYSQL, 'docker run -d --mount type=bind,source=mysql_data,target=/var/lib/mysql mysql'),
    no(P_MOUNT, A_MOUNT, 'docker run -d -v myvolume:/app:ro docker-volume'),
    yes(P_RO, A_RO, 'docker run --mount source=site,target=/usr/share/nginx/html,readonly nginx'),
    yes(P_RO, A_RO, 'docker run --mount src=site,dst=/usr/share/nginx/html,ro nginx'),
    yes(P_RO, A_RO, 'docker run --mount source=site,target=/usr/share/nginx/html,readonly=true nginx'),
    no(P_RO, A_RO, 'docker run --mount source=site,target=/usr/share/nginx/html nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -p 80:8080 nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -p 8080:80/udp nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -p 8080 nginx'),
    no(P_MYSQL, A_MYSQL, 'docker run -d -v mysql_data:/var/lib/mysql:ro mysql'),
    no(P_MYSQL, A_MYSQL, 'docker run -d -v /var/lib/mysql:mysql_data mysql'),
    no(P_BIND, A_BIND, 'docker run -v $(pwd):/src node'),
    no(P_ENV, A_ENV, 'docker run -d -e POSTGRES_PASSWORD=hunter2 postgres'),
    no(P_ENV, A_ENV, 'docker run -d -e POSTGRES_USER=secret postgres'),
  ],
  'named by the prompt: typed exactly': [
    yes(P_APP1, A_APP1, 'docker run -d --name app1 --network mybridge nginx'),
    yes(P_NET, A_NET, 'docker network create mybridge'),
    yes(P_VOLCREATE, A_VOLCREATE, 'docker volume create mysql_data'),
    yes(P_MYSQL, A_MYSQL, 'docker run -d -v mysql_data:/var/lib/mysql mysql'),
    yes(P_HOST, A_HOST, 'docker run --network host nginx'),
    yes(P_NONE, A_NONE, 'docker run --network none nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --network bridge nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --network host nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name web --network mybridge nginx'),
    no(P_APP1, A_APP1, 'docker run -d --name app1 --network mybridge alpine'),
    no(P_NET, A_NET, 'docker network create mynet'),
    no(P_VOLCREATE, A_VOLCREATE, 'docker volume create mysql'),
    no(P_MYSQL, A_MYSQL, 'docker run -d -v mysql_data:/var/lib/data mysql'),
    no(P_HOST, A_HOST, 'docker run --network bridge nginx'),
    no(P_NONE, A_NONE, 'docker run --network host nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -p 8081:80 nginx'),
    no(P_ANON, A_ANON, 'docker run -v /data nginx'),
    no(P_COPY, A_COPY, 'COPY --from=build /app/dist ./dist'),
    no(P_APT_INSTALL, A_APT_INSTALL, 'sudo apt install docker -y'),
    no(P_SYSTEMCTL, A_SYSTEMCTL, 'sudo systemctl status containerd'),
  ],
  'left open by the prompt: any well-formed value': [
    yes(P_HOST, A_HOST, 'docker run --network host alpine'),
    yes(P_HOST, A_HOST, 'docker run --network host <image>'),
    yes(P_NONE, A_NONE, 'docker run --network none busybox'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker $USER'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker alice'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker ${USER}'),
    yes(P_STOP, A_STOP, 'docker stop 3f2a9c'),
    yes(P_STOP, A_STOP, 'docker stop web'),
    yes(P_KILL, A_KILL, 'docker kill <container>'),
    yes(P_IT, A_IT, 'docker run -it --rm ubuntu bash'),
    no(P_HOST, A_HOST, 'docker run --network host'),
    no(P_HOST, A_HOST, 'docker run --network host alpine sh'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker alice bob'),
    no(P_STOP, A_STOP, 'docker stop'),
    no(P_STOP, A_STOP, 'docker stop -t'),
    no(P_KILL, A_KILL, 'docker kill'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -aG wheel $USER'),
  ],
  'placeholders: container-id, <container_id>, CONTAINER, my-app': [
    yes(P_INSPECT, A_INSPECT, 'docker inspect web'),
    yes(P_INSPECT, A_INSPECT, 'docker inspect <container>'),
    yes(P_INSPECT, A_INSPECT, 'docker inspect CONTAINER'),
    yes('Show the logs of a container.', ['docker logs CONTAINER'], 'docker logs api'),
    yes('Show the logs of a pod.', ['kubectl logs my-app'], 'kubectl logs api-7f9'),
    yes('Start a stopped container.', ['docker start container-id'], 'docker start 3f2a'),
    yes('Remove a container.', ['docker rm <container_id>'], 'docker rm web-1'),
    yes('Write the first line of a multi-stage build stage.', ['FROM image AS stage-name'], 'FROM node:18 AS build'),
    no(P_INSPECT, A_INSPECT, 'docker inspect'),
    no(P_INSPECT, A_INSPECT, 'docker inspect -f'),
    no('Remove a container.', ['docker rm <container_id>'], 'docker rm -f'),
    no('Show the logs of a pod.', ['kubectl logs my-app'], 'kubectl describe api-7f9'),
    no('Write the first line of a multi-stage build stage.', ['FROM image AS stage-name'], 'FROM node:18 build'),
    no('Write the first line of a multi-stage build stage.', ['FROM image AS stage-name'], 'FROM node:18 ON build'),
  ],
  'meaning-changing options are never ignored': [
    yes(P_PUBLISH, A_PUBLISH, 'docker run -p 8080:80 nginx'),
    yes(P_MYSQL, A_MYSQL, 'docker run -d -v mysql_data:/var/lib/mysql mysql'),
    yes(P_USERMOD, A_USERMOD, 'sudo usermod -aG docker ubuntu'),
    yes(P_PS, A_PS, 'docker ps'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -P nginx'),
    no(P_PUBLISH, A_PUBLISH, 'docker run -P 8080:80 nginx'),
    no(P_MYSQL, A_MYSQL, 'docker run -v mysql_data:/var/lib/mysql mysql'),
    no(P_APP1, A_APP1, 'docker run --name app1 --network mybridge nginx'),
    no(P_USERMOD, A_USERMOD, 'sudo usermod -G docker ubuntu'),
    no(P_PS, A_PS, 'docker ps -a'),
    no(P_PS, A_PS, 'docker ps -q'),
    no(P_APP1, A_APP1, 'docker run -d --rm --name app1 --network mybridge nginx'),
    no(P_VOLS, A_VOLS, 'docker volume ls -q'),
    no(P_ICC, A_ICC, 'dockerd --icc=true'),
  ],
  'defaults may be spelled out': [
    yes(P_NET, A_NET, 'docker network create --driver bridge mybridge'),
    yes(P_NET, A_NET, 'docker network create -d bridge mybridge'),
    yes(P_NET, A_NET, 'docker network create --driver=bridge mybridge'),
    yes(P_MOUNT, A_MOUNT, 'docker run -d --mount type=volume,source=myvolume,target=/app docker-volume'),
    yes(P_KILL, A_KILL, 'docker kill -s SIGKILL web'),
    yes(P_KILL, A_KILL, 'docker kill --signal=KILL web'),
    yes(P_KILL, A_KILL, 'docker kill -s 9 web'),
    yes(P_APP1, A_APP1, 'docker run -d --restart no --name app1 --network mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run -d --rm=false --name app1 --network mybridge nginx'),
    yes(P_APP1, A_APP1, 'docker run -d --detach=true --name app1 --network mybridge nginx'),
    yes('Send a process the default signal.', ['kill 1234'], 'kill -s TERM 1234'),
    yes('Send a process the default signal.', ['kill 1234'], 'kill -15 1234'),
    no(P_NET, A_NET, 'docker network create --driver overlay mybridge'),
    no(P_NET, A_NET, 'docker network create -d macvlan mybridge'),
    no(P_KILL, A_KILL, 'docker kill -s SIGTERM web'),
    no(P_KILL, A_KILL, 'docker kill -s HUP web'),
    no(P_APP1, A_APP1, 'docker run -d --restart always --name app1 --network mybridge nginx'),
    no(P_APP1, A_APP1, 'docker run --detach=false --name app1 --network mybridge nginx'),
    no('Send a process the default signal.', ['kill 1234'], 'kill -9 1234'),
  ],
  'other programs read with getopt conventions': [
    yes('Force-kill process 1234.', ['kill -9 1234'], 'kill -s SIGKILL 1234'),
    yes('Force-kill process 1234.', ['kill -9 1234'], 'kill -KILL 1234'),
    yes('Force-kill process 1234.', ['kill -9 1234'], 'kill -SIGKILL 1234'),
    yes('Force-kill process 1234.', ['kill -9 1234'], 'kill --signal KILL 1234'),
    yes(P_SYSTEMCTL, A_SYSTEMCTL, 'systemctl status docker'),
    yes(P_SYSTEMCTL, A_SYSTEMCTL, "sudo systemctl status 'docker'"),
    yes('Fetch `http://localhost:8080` and show only the headers.', ['curl -I http://localhost:8080'], 'curl --head http://localhost:8080'),
    yes('POST to `http://localhost/api` with the header `Content-Type: application/json`.', ['curl -X POST -H "Content-Type: application/json" http://localhost/api'], "curl http://localhost/api --header 'Content-Type: application/json' --request POST"),
    yes(P_ICC, A_ICC, 'sudo dockerd --icc=false'),
    yes(P_COPY, A_COPY, 'copy --from=builder /app/dist ./dist'),
    no('Force-kill process 1234.', ['kill -9 1234'], 'kill 1234'),
    no('Force-kill process 1234.', ['kill -9 1234'], 'kill -15 1234'),
    no('Force-kill process 1234.', ['kill -9 1234'], 'kill -s STOP 1234'),
    no(P_SYSTEMCTL, A_SYSTEMCTL, 'sudo systemctl start docker'),
    no(P_SYSTEMCTL, A_SYSTEMCTL, 'sudo systemctl status'),
    no('Fetch `http://localhost:8080` and show only the headers.', ['curl -I http://localhost:8080'], 'curl -i http://localhost:8080'),
    no('POST to `http://localhost/api` with the header `Content-Type: application/json`.', ['curl -X POST -H "Content-Type: application/json" http://localhost/api'], 'curl -X GET -H "Content-Type: application/json" http://localhost/api'),
    no(P_ICC, A_ICC, 'dockerd --icc false'),
    no(P_COPY, A_COPY, 'ADD --from=builder /app/dist ./dist'),
  ],
  'several accepted answers': [
    yes(P_FROM, A_FROM, 'nginx:alpine'),
    yes(P_FROM, A_FROM, 'FROM nginx:alpine'),
    yes(P_FROM, A_FROM, 'from nginx:alpine'),
    yes('Which command lists local images?', ['docker images', 'docker image ls'], 'docker image list'),
    yes('Which command lists local images?', ['docker images', 'docker image ls'], 'docker images'),
    no(P_FROM, A_FROM, 'FROM nginx'),
    no(P_FROM, A_FROM, 'FROM node:18-alpine'),
    no(P_FROM, A_FROM, 'nginx:latest'),
    no('Which command lists local images?', ['docker images', 'docker image ls'], 'docker ps'),
  ],
  'a bare command answer leaves its operands open': [
    yes(P_RUN, A_RUN, 'docker run nginx'),
    yes(P_RUN, A_RUN, 'docker container run hello-world'),
    yes(P_BUILD, A_BUILD, 'docker build .'),
    yes(P_BUILD, A_BUILD, 'docker image build .'),
    yes(P_BUILD, A_BUILD, 'docker build'),
    no(P_RUN, A_RUN, 'docker run -d nginx'),
    no(P_RUN, A_RUN, 'docker create nginx'),
    no(P_BUILD, A_BUILD, 'docker build -t app .'),
    no(P_BUILD, A_BUILD, 'docker pull .'),
  ],
  'prose answers forgive a typo in a long word, commands do not': [
    yes('What isolates what a process can see?', ['namespace', 'namespaces'], 'namspace'),
    yes('What limits what a process can use?', ['control groups', 'cgroups'], 'Control Groups'),
    yes('What limits what a process can use?', ['control groups', 'cgroups'], 'controll groups'),
    no('What limits what a process can use?', ['control groups', 'cgroups'], 'control'),
    no('What isolates what a process can see?', ['namespace'], 'nmspc'),
    no(P_VOLS, A_VOLS, 'docker volum ls'),
    no(P_PS, A_PS, 'docker pss'),
  ],
};
